package org.carequeue.queue;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** A closed queue takes no new customers. */
public class QueueClosed extends BusinessException {

    public QueueClosed(String queueName) {
        super(ErrorCode.QUEUE_IS_CLOSED, "Queue " + queueName + " is closed");
    }
}
