package org.carequeue.audience;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/**
 * The customer's rating or post-audience answers come too early (the conversation still runs) or
 * a second time.
 */
public class FeedbackRefused extends BusinessException {

    FeedbackRefused(ErrorCode code, String detail) {
        super(code, detail);
    }
}
