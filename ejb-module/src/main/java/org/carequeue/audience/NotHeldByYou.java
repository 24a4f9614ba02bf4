package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** Another agent holds this conversation. */
public class NotHeldByYou extends BusinessException {

    public NotHeldByYou() {
        super(ErrorCode.NOT_HELD_BY_YOU, "You do not hold this conversation");
    }
}
