package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** The queue's settings do not list the chosen queue as a transfer target. */
public class TransferNotAllowed extends BusinessException {

    public TransferNotAllowed(String fromQueueName) {
        super(ErrorCode.TRANSFER_NOT_ALLOWED, "Customers of " + fromQueueName + " cannot be transferred to that queue");
    }
}
