package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** The conversation is complete (or never began): its wrap-up (tags, notes) can no longer change. */
public class AudienceComplete extends BusinessException {

    public AudienceComplete() {
        super(ErrorCode.AUDIENCE_COMPLETE, "This conversation is complete; it can no longer be changed");
    }
}
