package org.carequeue.queue;

/** Whether a queue takes new customers (suspension and capacity are checked on top). */
public enum QueueState {
    OPEN, CLOSED
}
