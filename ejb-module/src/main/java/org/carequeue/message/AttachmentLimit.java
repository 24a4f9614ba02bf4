package org.carequeue.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest file a sender may send ({@code CAREQUEUE_ATTACHMENT_MAX_BYTES}, 20 MB by default).
 * Readers of uploads take at most one byte more into memory, and the boundary checks it again.
 */
@ApplicationScoped
public class AttachmentLimit {

    /** Files are held in memory (and in one database value) while they pass: a gigabyte at most, whatever is configured. */
    static final long CEILING_BYTES = 1024L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "carequeue.attachment.max-bytes", defaultValue = "20971520")
    long maxBytes;

    public long maxBytes() {
        return Math.max(1, Math.min(maxBytes, CEILING_BYTES));
    }

    public String readable() {
        return readable(maxBytes());
    }

    static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
