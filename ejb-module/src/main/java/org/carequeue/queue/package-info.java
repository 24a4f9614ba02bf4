/**
 * Queues where customers wait: open or closed, suspended, capacity, members, and the append-only
 * activity log, which is always written in the transaction that changes the state it records.
 */
package org.carequeue.queue;
