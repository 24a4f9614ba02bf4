package org.carequeue.platform;

import org.carequeue.api.problem.ErrorCode;

/**
 * A name that must be unique (a keyword, a tag name among its siblings) is already used: 409
 * {@code already_exists}, with the field, so a form shows it beside the input.
 */
public class AlreadyTaken extends InvalidInput {

    public AlreadyTaken(String field, String detail) {
        super(ErrorCode.ALREADY_EXISTS, field, detail);
    }
}
