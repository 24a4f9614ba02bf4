package org.carequeue.api.metadata;

/**
 * A master key just created. {@code secret} (32 bytes, base64url without padding) is shown only
 * here: the organization's server encrypts secure metadata with it.
 */
public record NewMasterKeyResponse(String keyId, String secret, String createdAt) {
}
