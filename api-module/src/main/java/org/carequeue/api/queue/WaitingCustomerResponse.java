package org.carequeue.api.queue;

import java.util.Map;

/** A customer waiting in a queue, in position order (1 is picked next). */
public record WaitingCustomerResponse(String audienceId, int position, String name, String requestedAt,
                                      String firstMessage, Map<String, String> preAnswers) {
}
