package org.carequeue.message;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** A file over the size limit; nothing was stored. */
public class AttachmentTooLarge extends BusinessException {

    public AttachmentTooLarge(long maxBytes) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, "Files may be at most " + AttachmentLimit.readable(maxBytes));
    }
}
