package org.carequeue.api.contact;

import java.util.Map;

/**
 * A customer's contact form, left in a queue instead of waiting (when it is closed, say): a name,
 * the message, and at least one way to reach them. {@code preAnswers} is the questionnaire's
 * answers, a small string map as in a request.
 */
public record ContactRequest(String name, String email, String phone, String message, Map<String, String> preAnswers) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_PHONE_LENGTH = 40;
    public static final int MAX_MESSAGE_LENGTH = 10_000;
}
