package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such audience for this caller: the same answer whether it does not exist or is someone else's. */
public class AudienceNotFound extends BusinessException {

    public AudienceNotFound() {
        super(ErrorCode.AUDIENCE_NOT_FOUND, "No such audience");
    }
}
