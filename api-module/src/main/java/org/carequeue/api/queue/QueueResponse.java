package org.carequeue.api.queue;

import java.util.List;

/**
 * A queue as its members see it. {@code state} is {@code OPEN} or {@code CLOSED};
 * {@code waitingSince} is when the customer first in line arrived (null when nobody waits). The
 * settings {@code attachments}, {@code video}, {@code screenShare}, {@code transferQueueIds},
 * {@code metadataCollection}, {@code secureMetadata} and {@code transcriptRetentionDays} (null: kept
 * forever) are those of {@link QueueSettingsRequest}.
 */
public record QueueResponse(String id, String name, String state, boolean suspended, int capacity, int length,
                            String waitingSince, String attachments, String video, boolean screenShare,
                            List<String> transferQueueIds, String metadataCollection, String secureMetadata,
                            Integer transcriptRetentionDays) {
}
