package org.carequeue.metadata;

import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;

/**
 * Secure metadata that cannot be trusted. Every cause (malformed, unknown or revoked key, wrong
 * key, bad digest, expired...) gives the same answer and carries no cause, so that the answer
 * tells an attacker nothing about which check failed and no log shows decrypted bytes.
 */
public class InvalidSecureMetadata extends BusinessException {

    public static final String DETAIL = "secureMetadata could not be verified";

    public InvalidSecureMetadata() {
        super(ErrorCode.INVALID_SECURE_METADATA, DETAIL);
    }
}
