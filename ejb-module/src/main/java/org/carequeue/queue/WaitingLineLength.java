package org.carequeue.queue;

import java.time.OffsetDateTime;

/** How many customers wait in a queue, and since when the first of them has waited (null if nobody). */
public record WaitingLineLength(int length, OffsetDateTime firstSince) {

    public static final WaitingLineLength EMPTY = new WaitingLineLength(0, null);
}
