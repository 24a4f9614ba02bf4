package org.carequeue.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.carequeue.platform.Clock;

/**
 * One line of the audit log. Written once and never changed: the class has no way to change it,
 * and nothing deletes it.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int MAX_SUBJECT_LENGTH = 300;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "happened_at")
    private OffsetDateTime happenedAt;
    @Enumerated(EnumType.STRING)
    private AuditKind kind;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "actor_name")
    private String actorName;
    private String subject;

    protected AuditEntry() {
    }

    AuditEntry(String organizationId, AuditKind kind, String actorId, String actorName, String subject) {
        this.id = UUID.randomUUID().toString();
        this.organizationId = organizationId;
        this.happenedAt = Clock.now();
        this.kind = kind;
        this.actorId = actorId;
        this.actorName = actorName;
        this.subject = subject == null || subject.length() <= MAX_SUBJECT_LENGTH ? subject
                : subject.substring(0, MAX_SUBJECT_LENGTH);
    }

    String id() {
        return id;
    }

    OffsetDateTime happenedAt() {
        return happenedAt;
    }

    AuditKind kind() {
        return kind;
    }

    String actorId() {
        return actorId;
    }

    String actorName() {
        return actorName;
    }

    String subject() {
        return subject;
    }
}
