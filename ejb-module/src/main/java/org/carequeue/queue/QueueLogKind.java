package org.carequeue.queue;

/** What a line of the activity log records. */
public enum QueueLogKind {
    OPENED, CLOSED, REQUESTED, PICKED, DROPPED, ENDED
}
