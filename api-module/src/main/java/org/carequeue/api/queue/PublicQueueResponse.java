package org.carequeue.api.queue;

/**
 * What a customer may know of a queue before asking for help.
 *
 * @param state {@code OPEN}, {@code CLOSED}, {@code SUSPENDED} or {@code FULL}
 * @param length customers waiting now
 * @param nextOpenAt when a closed queue opens next, if a schedule says so (ISO-8601 UTC)
 */
public record PublicQueueResponse(String id, String name, String state, int length, String nextOpenAt) {
}
