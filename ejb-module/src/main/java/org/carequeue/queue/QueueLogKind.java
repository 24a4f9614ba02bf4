package org.carequeue.queue;

/** What a line of the activity log records. */
public enum QueueLogKind {
    OPENED, CLOSED, OPENED_BY_SCHEDULE, CLOSED_BY_SCHEDULE, REQUESTED, PICKED, DROPPED, ENDED,
    /** The customer left for another queue ({@code otherQueueId}). */
    TRANSFERRED_OUT,
    /** The customer came from another queue ({@code otherQueueId}). */
    TRANSFERRED_IN,
    /** A customer's contact details were registered (counted by statistics). */
    REGISTERED_CONTACT
}
