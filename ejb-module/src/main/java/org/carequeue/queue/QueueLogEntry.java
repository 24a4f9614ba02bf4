package org.carequeue.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;

/** One append-only line of a queue's activity log, written by {@link QueueLog}; never changed after that. */
@Entity
@Table(name = "queue_log_entry")
public class QueueLogEntry {

    /**
     * In the order lines were written, across nodes too: the log is read and paged by it (V10).
     * The database gives it as it inserts the line ({@link QueueLog}).
     */
    @Id
    private Long id;
    @Column(name = "queue_id")
    private String queueId;
    private OffsetDateTime at;
    @Enumerated(EnumType.STRING)
    private QueueLogKind kind;
    /** Who did it; {@code null} for the customer or the system (schedule, grace period). */
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "audience_id")
    private String audienceId;
    /** A transfer's other queue: the target in the source queue's log, the source in the target's. */
    @Column(name = "other_queue_id")
    private String otherQueueId;
    /** A dropped customer's time in the line. */
    @Column(name = "waited_seconds")
    private Long waitedSeconds;
    /** A registered contact's line points at the contact. */
    @Column(name = "contact_id")
    private String contactId;

    protected QueueLogEntry() {
    }

    public QueueLogEntry(String queueId, QueueLogKind kind, String agentId, String audienceId) {
        this.queueId = queueId;
        this.at = Clock.now();
        this.kind = kind;
        this.agentId = agentId;
        this.audienceId = audienceId;
    }

    /** A transfer's line in one of the two queues' logs. */
    public static QueueLogEntry transfer(String queueId, QueueLogKind kind, String agentId, String audienceId,
                                         String otherQueueId) {
        QueueLogEntry entry = new QueueLogEntry(queueId, kind, agentId, audienceId);
        entry.otherQueueId = otherQueueId;
        return entry;
    }

    /** A customer left the line before anyone picked them, after waiting in it since {@code queuedAt}. */
    public static QueueLogEntry dropped(String queueId, String audienceId, OffsetDateTime queuedAt) {
        QueueLogEntry entry = new QueueLogEntry(queueId, QueueLogKind.DROPPED, null, audienceId);
        entry.waitedSeconds = Math.max(0, Duration.between(queuedAt, entry.at).getSeconds());
        return entry;
    }

    /** A customer left their contact details in the queue. */
    public static QueueLogEntry registeredContact(String queueId, String contactId) {
        QueueLogEntry entry = new QueueLogEntry(queueId, QueueLogKind.REGISTERED_CONTACT, null, null);
        entry.contactId = contactId;
        return entry;
    }

    public long id() {
        return id;
    }

    public String queueId() {
        return queueId;
    }

    public OffsetDateTime at() {
        return at;
    }

    public QueueLogKind kind() {
        return kind;
    }

    public String agentId() {
        return agentId;
    }

    public String audienceId() {
        return audienceId;
    }

    public String otherQueueId() {
        return otherQueueId;
    }

    public Long waitedSeconds() {
        return waitedSeconds;
    }

    public String contactId() {
        return contactId;
    }
}
