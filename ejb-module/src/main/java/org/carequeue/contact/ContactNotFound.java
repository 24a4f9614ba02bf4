package org.carequeue.contact;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such contact in the caller's organization. */
public class ContactNotFound extends BusinessException {

    public ContactNotFound() {
        super(ErrorCode.CONTACT_NOT_FOUND, "No such contact");
    }
}
