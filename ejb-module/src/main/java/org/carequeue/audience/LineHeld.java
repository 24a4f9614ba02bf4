package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** "Pick next" found customers waiting, but other transactions held every one of them for too long. */
public class LineHeld extends BusinessException {

    public LineHeld(String queueName) {
        super(ErrorCode.SERVICE_UNAVAILABLE,
                "Every customer waiting in queue " + queueName + " is busy; nothing was changed, try again");
    }
}
