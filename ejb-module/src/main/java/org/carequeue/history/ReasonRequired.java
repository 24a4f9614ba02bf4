package org.carequeue.history;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.InvalidInput;

/** The organization asks why a transcript is read, and no reason was given. */
public class ReasonRequired extends InvalidInput {

    public ReasonRequired() {
        super(ErrorCode.REASON_REQUIRED, "reason",
                "Your organization asks for a reason before a transcript is read; give one");
    }
}
