package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** The queue's video setting does not let this side start a call. */
public class CallNotAllowed extends BusinessException {

    public CallNotAllowed(String role) {
        super(ErrorCode.CALL_NOT_ALLOWED, "In this queue the " + role + " may not start a video call");
    }
}
