package org.carequeue.queue;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such queue, or one of another organization (which the caller may not know of). */
public class QueueNotFound extends BusinessException {

    public QueueNotFound() {
        super(ErrorCode.QUEUE_NOT_FOUND, "No such queue");
    }
}
