package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** Typing and call signals need a live audience: picked by an agent and not ended. */
public class AudienceNotLive extends BusinessException {

    public AudienceNotLive() {
        super(ErrorCode.AUDIENCE_NOT_LIVE, "Only an ongoing conversation (picked, not ended) takes typing and call signals");
    }
}
