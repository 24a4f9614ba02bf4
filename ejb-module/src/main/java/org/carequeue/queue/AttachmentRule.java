package org.carequeue.queue;

import java.util.Locale;
import org.carequeue.platform.InvalidInput;

/**
 * Who may send files and pictures in a queue's conversations (Ninchat's queue attribute
 * {@code upload}). New queues take {@link #MEMBERS}: sending a screenshot or a receipt is what
 * customers most often need, and the content checks (size limit, type by the bytes, download
 * headers) are the same whoever sends; operators can narrow it per queue.
 */
public enum AttachmentRule {
    MEMBERS, AGENT_ONLY, NOBODY;

    public boolean allowsCustomer() {
        return this == MEMBERS;
    }

    public boolean allowsAgent() {
        return this != NOBODY;
    }

    /** The wire value, or {@code null} for "keep the current one". */
    public static AttachmentRule parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("attachments", "attachments must be MEMBERS, AGENT_ONLY or NOBODY");
        }
    }
}
