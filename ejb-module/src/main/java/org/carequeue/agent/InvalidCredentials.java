package org.carequeue.agent;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** Sign-in failed; the same answer for an unknown user and a wrong password. */
public class InvalidCredentials extends BusinessException {

    public InvalidCredentials() {
        super(ErrorCode.INVALID_CREDENTIALS, "Unknown username or wrong password");
    }
}
