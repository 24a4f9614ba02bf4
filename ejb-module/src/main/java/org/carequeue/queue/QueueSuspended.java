package org.carequeue.queue;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** An operator suspended the queue: it takes no new customers, open or not. */
public class QueueSuspended extends BusinessException {

    public QueueSuspended(String queueName) {
        super(ErrorCode.QUEUE_IS_SUSPENDED, "Queue " + queueName + " is suspended");
    }
}
