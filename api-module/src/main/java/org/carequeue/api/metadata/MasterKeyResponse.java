package org.carequeue.api.metadata;

/** A master key of the organization as listed: never its secret. {@code revokedAt} is null while usable. */
public record MasterKeyResponse(String keyId, String createdAt, String createdBy, String revokedAt) {
}
