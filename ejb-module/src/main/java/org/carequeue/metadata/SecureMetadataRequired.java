package org.carequeue.metadata;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/** The queue takes only customers whose request carries secure metadata. */
public class SecureMetadataRequired extends BusinessException {

    public SecureMetadataRequired(String queueName) {
        super(ErrorCode.SECURE_METADATA_REQUIRED, queueName + " needs secureMetadata in the request");
    }
}
