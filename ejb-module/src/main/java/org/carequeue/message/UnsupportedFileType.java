package org.carequeue.message;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** A file whose bytes are none of the accepted kinds, whatever its name says; nothing was stored. */
public class UnsupportedFileType extends BusinessException {

    public UnsupportedFileType() {
        super(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Only pictures (PNG, JPEG, GIF, WebP), PDF, plain text"
                + " and Office or OpenDocument documents (Word, Excel, PowerPoint) can be sent");
    }
}
