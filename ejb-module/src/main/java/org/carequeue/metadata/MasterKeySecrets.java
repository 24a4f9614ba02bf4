package org.carequeue.metadata;

import java.util.Optional;

/** The 32-byte secret of a usable (existing, not revoked) master key of one organization. */
@FunctionalInterface
public interface MasterKeySecrets {

    Optional<byte[]> secret(String keyId);
}
