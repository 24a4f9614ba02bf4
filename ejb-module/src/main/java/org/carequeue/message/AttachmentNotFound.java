package org.carequeue.message;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such attachment in this audience: the same answer whether it does not exist or belongs to another. */
public class AttachmentNotFound extends BusinessException {

    public AttachmentNotFound() {
        super(ErrorCode.NOT_FOUND, "No such attachment in this conversation");
    }
}
