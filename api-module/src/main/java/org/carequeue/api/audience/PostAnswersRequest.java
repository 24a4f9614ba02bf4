package org.carequeue.api.audience;

import java.util.Map;

/** The customer's answers to the post-audience questionnaire: question key to answer text. */
public record PostAnswersRequest(Map<String, String> answers) {
}
