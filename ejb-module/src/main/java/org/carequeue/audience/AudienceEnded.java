package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** The audience has ended (or the customer left the line): nothing more happens in it. */
public class AudienceEnded extends BusinessException {

    public AudienceEnded(String detail) {
        super(ErrorCode.AUDIENCE_ENDED, detail);
    }
}
