package org.carequeue.api.queue;

import java.util.List;

/**
 * A queue's settings, replaced as a whole; of the fields after {@code suspended}, a null keeps the
 * current value:
 * <ul>
 *   <li>{@code attachments}: who may send files, {@code MEMBERS} (customer and agent),
 *       {@code AGENT_ONLY} or {@code NOBODY};</li>
 *   <li>{@code video}: who may start a video call, {@code AGENT}, {@code CUSTOMER}, {@code BOTH} or
 *       {@code NOBODY}; {@code screenShare}: whether the agent may share their screen in one;</li>
 *   <li>{@code transferQueueIds}: the queues its agents may transfer customers to;</li>
 *   <li>{@code metadataCollection}: {@code ALL}, {@code NO_IP} (default) or {@code NONE};
 *       {@code secureMetadata}: {@code REQUIRED}, {@code OPTIONAL} (default) or {@code IGNORED};</li>
 *   <li>{@code transcriptRetentionDays}: delete a conversation's content this many days after it
 *       completed (1 to {@value #MAX_RETENTION_DAYS}); {@code 0} keeps transcripts forever again
 *       (the default).</li>
 * </ul>
 */
public record QueueSettingsRequest(String name, Integer capacity, Boolean suspended, String attachments,
                                   String video, Boolean screenShare, List<String> transferQueueIds,
                                   String metadataCollection, String secureMetadata,
                                   Integer transcriptRetentionDays) {

    /** Ten years: longer is "forever" in all but name. */
    public static final int MAX_RETENTION_DAYS = 3650;

    /** Name, capacity and suspension only: the other settings stay as they are. */
    public static QueueSettingsRequest basic(String name, Integer capacity, Boolean suspended) {
        return new QueueSettingsRequest(name, capacity, suspended, null, null, null, null, null, null, null);
    }

    public QueueSettingsRequest withAttachments(String attachments) {
        return new QueueSettingsRequest(name, capacity, suspended, attachments, video, screenShare, transferQueueIds,
                metadataCollection, secureMetadata, transcriptRetentionDays);
    }

    public QueueSettingsRequest withVideo(String video, Boolean screenShare) {
        return new QueueSettingsRequest(name, capacity, suspended, attachments, video, screenShare, transferQueueIds,
                metadataCollection, secureMetadata, transcriptRetentionDays);
    }

    public QueueSettingsRequest withTransferQueueIds(List<String> transferQueueIds) {
        return new QueueSettingsRequest(name, capacity, suspended, attachments, video, screenShare, transferQueueIds,
                metadataCollection, secureMetadata, transcriptRetentionDays);
    }

    public QueueSettingsRequest withMetadata(String metadataCollection, String secureMetadata) {
        return new QueueSettingsRequest(name, capacity, suspended, attachments, video, screenShare, transferQueueIds,
                metadataCollection, secureMetadata, transcriptRetentionDays);
    }

    public QueueSettingsRequest withTranscriptRetentionDays(Integer transcriptRetentionDays) {
        return new QueueSettingsRequest(name, capacity, suspended, attachments, video, screenShare, transferQueueIds,
                metadataCollection, secureMetadata, transcriptRetentionDays);
    }
}
