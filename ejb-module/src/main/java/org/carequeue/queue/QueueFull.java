package org.carequeue.queue;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** The queue holds as many waiting customers as its capacity allows. */
public class QueueFull extends BusinessException {

    public QueueFull(String queueName) {
        super(ErrorCode.QUEUE_IS_FULL, "Queue " + queueName + " is full");
    }
}
