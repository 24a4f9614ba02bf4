package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** "Pick next" found nobody waiting. */
public class NobodyWaiting extends BusinessException {

    public NobodyWaiting(String queueName) {
        super(ErrorCode.QUEUE_IS_EMPTY, "Nobody is waiting in queue " + queueName);
    }
}
