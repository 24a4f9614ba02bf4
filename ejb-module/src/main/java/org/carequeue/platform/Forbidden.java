package org.carequeue.platform;

import org.carequeue.api.problem.ErrorCode;

/** The caller's role or membership does not allow this. */
public class Forbidden extends BusinessException {

    public Forbidden(String detail) {
        super(ErrorCode.FORBIDDEN, detail);
    }
}
