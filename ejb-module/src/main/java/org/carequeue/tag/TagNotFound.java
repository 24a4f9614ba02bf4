package org.carequeue.tag;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such tag in the caller's organization. */
public class TagNotFound extends BusinessException {

    public TagNotFound() {
        super(ErrorCode.TAG_NOT_FOUND, "No such tag");
    }
}
