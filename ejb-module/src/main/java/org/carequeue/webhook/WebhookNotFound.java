package org.carequeue.webhook;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such subscription in the caller's organization (another organization's is not found either). */
public class WebhookNotFound extends BusinessException {

    public WebhookNotFound() {
        super(ErrorCode.WEBHOOK_NOT_FOUND, "No such webhook subscription in your organization");
    }
}
