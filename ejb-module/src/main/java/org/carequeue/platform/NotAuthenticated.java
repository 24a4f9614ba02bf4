package org.carequeue.platform;

import org.carequeue.api.problem.ErrorCode;

/** No valid credentials came with the call. */
public class NotAuthenticated extends BusinessException {

    public NotAuthenticated(String detail) {
        super(ErrorCode.NOT_AUTHENTICATED, detail);
    }
}
