package org.carequeue.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/** A customer-care company: its agents, queues and settings hang off its id. */
@Entity
public class Organization {

    public static final int MAX_NAME_LENGTH = 200;

    @Id
    private String id;
    private String name;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    /** Operators give a reason before they read a transcript; the audit trail keeps it. */
    @Column(name = "require_transcript_reason")
    private boolean requireTranscriptReason;

    protected Organization() {
    }

    public Organization(String name) {
        this.id = Ids.newId();
        this.name = name;
        this.createdAt = Clock.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean requiresTranscriptReason() {
        return requireTranscriptReason;
    }

    public void requireTranscriptReason(boolean required) {
        this.requireTranscriptReason = required;
    }
}
