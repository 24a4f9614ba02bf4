package org.carequeue.cannedmessage;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such canned message, or one the caller may not see (another agent's, another organization's). */
public class CannedMessageNotFound extends BusinessException {

    public CannedMessageNotFound() {
        super(ErrorCode.CANNED_MESSAGE_NOT_FOUND, "No such canned message");
    }
}
