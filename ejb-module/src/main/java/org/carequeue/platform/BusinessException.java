package org.carequeue.platform;

import jakarta.ejb.ApplicationException;
import org.carequeue.api.problem.ErrorCode;

/**
 * A use case refused: the transaction is rolled back and the caller gets the stable
 * {@link ErrorCode} with a sentence a person can act on.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private final ErrorCode code;

    public BusinessException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
