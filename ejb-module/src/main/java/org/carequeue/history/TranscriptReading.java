package org.carequeue.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/**
 * One line of the audit trail: an operator read an audience's transcript (or one of its files).
 * Written in the reading's transaction and never changed or deleted, retention included.
 */
@Entity
@Table(name = "transcript_reading")
public class TranscriptReading {

    public static final int MAX_REASON_LENGTH = 500;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "audience_id")
    private String audienceId;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "read_at")
    private OffsetDateTime readAt;
    @Enumerated(EnumType.STRING)
    private ReadingChannel channel;
    private String reason;

    protected TranscriptReading() {
    }

    TranscriptReading(String organizationId, String audienceId, String agentId, ReadingChannel channel, String reason) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.audienceId = audienceId;
        this.agentId = agentId;
        this.channel = channel;
        this.reason = reason;
        this.readAt = Clock.now();
    }
}
