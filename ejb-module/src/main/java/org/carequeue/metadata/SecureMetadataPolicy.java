package org.carequeue.metadata;

/** Whether a queue asks its customers for secure metadata. */
public enum SecureMetadataPolicy {
    /** A request without secure metadata is refused with {@code secure_metadata_required}. */
    REQUIRED,
    /** Secure metadata is verified and kept when a request carries it: the default. */
    OPTIONAL,
    /** Secure metadata is neither decrypted nor stored. */
    IGNORED
}
