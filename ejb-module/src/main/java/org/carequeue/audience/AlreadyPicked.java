package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** Another agent picked this customer first; the database decided. */
public class AlreadyPicked extends BusinessException {

    public AlreadyPicked() {
        super(ErrorCode.ALREADY_PICKED, "Another agent picked this customer already");
    }
}
