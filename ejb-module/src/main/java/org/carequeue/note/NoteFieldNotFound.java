package org.carequeue.note;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** A note field id that is not a field of the queue's (or the audience's queue's) note form. */
public class NoteFieldNotFound extends BusinessException {

    public NoteFieldNotFound(String fieldId) {
        super(ErrorCode.NOTE_FIELD_NOT_FOUND, "No note field " + fieldId + " in this queue's note form");
    }
}
