package org.carequeue.api.history;

/**
 * What the history search looks for; every field is optional. {@code from} and {@code to} are
 * ISO-8601 dates ({@code 2026-11-25}, the organization's days in UTC) or instants, and bound the
 * request time ({@code to} inclusive for a date). {@code state} is one of the audience states,
 * {@code customer} a part of the customer's name (ignoring case).
 */
public record HistoryFilter(String queueId, String agentId, String state, String customer, String from, String to) {

    public static final HistoryFilter ANYTHING = new HistoryFilter(null, null, null, null, null, null);
}
