package org.carequeue.queue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.metadata.MetadataCollection;
import org.carequeue.metadata.SecureMetadataPolicy;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;
import org.carequeue.schedule.QueueSchedule;

/**
 * A queue of one organization. It decides whether a new customer may join
 * ({@link #admit(QueueState, boolean, int, int)}); the waiting customers themselves are audiences
 * in state REQUESTED.
 */
@Entity
public class Queue {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int DEFAULT_CAPACITY = 100;
    public static final int MAX_CAPACITY = 100_000;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    @Enumerated(EnumType.STRING)
    private QueueState state;
    private boolean suspended;
    private int capacity;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;
    /** Ninchat's schedule JSON, as last saved and normalized; null without a schedule. */
    private String schedule;
    /** The latest schedule edge applied, or when the schedule was saved (earlier edges do nothing). */
    @Column(name = "schedule_applied_through")
    private OffsetDateTime scheduleAppliedThrough;
    @Version
    private long version;
    /** Who may send attachments in its conversations. */
    @Enumerated(EnumType.STRING)
    private AttachmentRule attachments = AttachmentRule.MEMBERS;
    /** Who may start a video call in the queue's conversations. */
    @Enumerated(EnumType.STRING)
    private VideoCalls video = VideoCalls.NOBODY;
    /** Whether the agent may share their screen in a call. */
    @Column(name = "screen_share")
    private boolean screenShare;

    // What the queue keeps of the browser's metadata, and whether requests must bring secure metadata.
    @Enumerated(EnumType.STRING)
    @Column(name = "metadata_collection")
    private MetadataCollection metadataCollection = MetadataCollection.NO_IP;
    @Enumerated(EnumType.STRING)
    @Column(name = "secure_metadata")
    private SecureMetadataPolicy secureMetadata = SecureMetadataPolicy.OPTIONAL;
    /** Days after completion when a conversation's content is deleted; null keeps it forever. */
    @Column(name = "transcript_retention_days")
    private Integer transcriptRetentionDays;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "queue_member", joinColumns = @JoinColumn(name = "queue_id"))
    @Column(name = "agent_id")
    private Set<String> memberIds = new HashSet<>();

    /**
     * Other queues of the organization this queue's agents may transfer their customers to. Read
     * when needed: every pick and arrival loads the queue, and only settings and transfers use it.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "queue_transfer_target", joinColumns = @JoinColumn(name = "queue_id"))
    @Column(name = "target_queue_id")
    private Set<String> transferTargetIds = new HashSet<>();

    protected Queue() {
    }

    public Queue(String organizationId, String name, int capacity) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.name = name;
        this.state = QueueState.CLOSED;
        this.capacity = capacity;
        this.createdAt = Clock.now();
    }

    /** A queue set up in one go, for seeding the demo organization. */
    public static Queue seeded(String organizationId, String name, boolean open, Collection<String> memberIds) {
        Queue queue = new Queue(organizationId, name, DEFAULT_CAPACITY);
        if (open) {
            queue.open();
        }
        queue.memberIds.addAll(memberIds);
        return queue;
    }

    /**
     * Refuses a newcomer with the reason a customer can be told. The admission settings are passed
     * as read under the arrival's lock of the queue's row, since they may have changed after this
     * entity was read; {@code waiting} is the number of customers already in line.
     */
    void admit(QueueState lockedState, boolean lockedSuspended, int lockedCapacity, int waiting) {
        if (lockedSuspended) {
            throw new QueueSuspended(name);
        }
        if (lockedState == QueueState.CLOSED) {
            throw new QueueClosed(name);
        }
        if (waiting >= lockedCapacity) {
            throw new QueueFull(name);
        }
    }

    /** @return whether the state changed (opening an open queue is not logged twice) */
    boolean open() {
        boolean changed = state != QueueState.OPEN;
        state = QueueState.OPEN;
        return changed;
    }

    /** @return whether the state changed */
    boolean close() {
        boolean changed = state != QueueState.CLOSED;
        state = QueueState.CLOSED;
        return changed;
    }

    public Optional<QueueSchedule> schedule() {
        return Optional.ofNullable(schedule).map(QueueSchedule::parse);
    }

    /** A new schedule acts from now on: opening and closing times already past today do nothing. */
    void replaceSchedule(QueueSchedule replacement) {
        schedule = replacement.toJson();
        scheduleAppliedThrough = Clock.now();
    }

    /** The schedule's edge to apply now, if any: the latest one after the last applied. */
    Optional<QueueSchedule.Edge> dueScheduleEdge(Instant now) {
        return schedule().flatMap(s -> s.latestDue(scheduleAppliedThrough.toInstant(), now));
    }

    /** @return whether the state changed (an edge that finds the state already so logs nothing) */
    boolean applyScheduleEdge(QueueSchedule.Edge edge) {
        scheduleAppliedThrough = edge.at().atOffset(ZoneOffset.UTC);
        return edge.opens() ? open() : close();
    }

    /**
     * Opening or closing by hand stands until the schedule's next time: a time that passed just
     * before (and that the timer has not applied yet) no longer undoes it.
     */
    void changedByHand() {
        if (schedule != null) {
            OffsetDateTime now = Clock.now();
            if (scheduleAppliedThrough == null || scheduleAppliedThrough.isBefore(now)) {
                scheduleAppliedThrough = now;
            }
        }
    }

    /** While closed: when the schedule opens the queue next, if it will. */
    public Optional<Instant> nextScheduledOpening(Instant now) {
        if (state != QueueState.CLOSED) {
            return Optional.empty();
        }
        try {
            return schedule().flatMap(s -> s.nextOpening(now));
        } catch (InvalidInput unreadable) {
            // Stored before a time-zone rule change made it invalid: the timer logs it; customers see no time.
            return Optional.empty();
        }
    }

    void configure(String name, int capacity, boolean suspended) {
        this.name = name;
        this.capacity = capacity;
        this.suspended = suspended;
    }

    /** Video call settings; a null keeps the current value (older clients do not send them). */
    void configureCalls(VideoCalls video, Boolean screenShare) {
        if (video != null) {
            this.video = video;
        }
        if (screenShare != null) {
            this.screenShare = screenShare;
        }
    }

    public VideoCalls video() {
        return video;
    }

    public boolean allowsScreenShare() {
        return screenShare;
    }

    /** A null keeps the current value. */
    void configureMetadata(MetadataCollection metadataCollection, SecureMetadataPolicy secureMetadata) {
        if (metadataCollection != null) {
            this.metadataCollection = metadataCollection;
        }
        if (secureMetadata != null) {
            this.secureMetadata = secureMetadata;
        }
    }

    public MetadataCollection metadataCollection() {
        return metadataCollection;
    }

    public SecureMetadataPolicy secureMetadata() {
        return secureMetadata;
    }

    /**
     * How long transcripts of this queue are kept after completion: null keeps the current value,
     * 0 keeps them forever, otherwise 1 to {@link QueueSettingsRequest#MAX_RETENTION_DAYS} days.
     */
    void keepTranscripts(Integer days) {
        if (days == null) {
            return;
        }
        if (days < 0 || days > QueueSettingsRequest.MAX_RETENTION_DAYS) {
            throw new InvalidInput("transcriptRetentionDays", "Transcripts are kept 0 days (keep forever) or 1 to "
                    + QueueSettingsRequest.MAX_RETENTION_DAYS + " days");
        }
        this.transcriptRetentionDays = days == 0 ? null : days;
    }

    /** Days after completion when a conversation's content is deleted; null: kept forever. */
    public Integer transcriptRetentionDays() {
        return transcriptRetentionDays;
    }

    void addMember(String agentId) {
        memberIds.add(agentId);
    }

    void removeMember(String agentId) {
        memberIds.remove(agentId);
    }

    /** Leaves the organization's lists (closed first); its audiences stay for statistics and history. */
    void delete() {
        deletedAt = Clock.now();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean hasMember(String agentId) {
        return memberIds.contains(agentId);
    }

    /** The state a customer sees: SUSPENDED and FULL override OPEN/CLOSED. */
    public String publicState(int waiting) {
        if (suspended) {
            return "SUSPENDED";
        }
        if (state == QueueState.OPEN && waiting >= capacity) {
            return "FULL";
        }
        return state.name();
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public QueueState state() {
        return state;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public int capacity() {
        return capacity;
    }

    public Set<String> memberIds() {
        return Set.copyOf(memberIds);
    }

    public AttachmentRule attachments() {
        return attachments;
    }

    /** {@code null} keeps the current rule. */
    void allowAttachments(AttachmentRule rule) {
        if (rule != null) {
            attachments = rule;
        }
    }

    /** Replaces the transfer targets; the caller has checked that they are queues of this organization. */
    void changeTransferTargets(Set<String> targetQueueIds) {
        transferTargetIds.clear();
        transferTargetIds.addAll(targetQueueIds);
    }

    public boolean allowsTransferTo(String queueId) {
        return transferTargetIds.contains(queueId);
    }

    public Set<String> transferTargetIds() {
        return Set.copyOf(transferTargetIds);
    }
}
