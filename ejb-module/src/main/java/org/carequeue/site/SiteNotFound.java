package org.carequeue.site;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No site with that key, or (for an operator) not one of their organization's. */
public class SiteNotFound extends BusinessException {

    public SiteNotFound() {
        super(ErrorCode.SITE_NOT_FOUND, "No such site");
    }
}
