package org.carequeue.tag;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** No such automatic tag rule in the caller's organization. */
public class TagRuleNotFound extends BusinessException {

    public TagRuleNotFound() {
        super(ErrorCode.TAG_RULE_NOT_FOUND, "No such tag rule");
    }
}
