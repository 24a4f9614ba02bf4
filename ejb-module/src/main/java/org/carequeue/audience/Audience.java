package org.carequeue.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Map;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;

/**
 * One customer's request and, once picked, their 1-on-1 conversation with one agent.
 *
 * <p>Lifecycle: REQUESTED (waiting, has a queue position) -> ACCEPTED (an agent holds it) ->
 * FINISHED (either side ended it; the agent may still wrap up: tags and notes) -> COMPLETE ("end and
 * hide", or the completion timer some hours later); or REQUESTED -> DROPPED (the customer left
 * before being picked). A transfer takes an ACCEPTED audience back to REQUESTED in another queue,
 * with its messages. Every transition is a method here that refuses when it does not apply; callers
 * hold the row lock.
 * The audience also hands out its messages' gap-free sequence numbers ({@link #nextSeq()}).
 */
@Entity
public class Audience {

    public static final int MAX_NAME_LENGTH = 200;
    public static final String GUEST = "Guest";
    /** The sequence number of a conversation's first message; the one a request brings holds it from the start. */
    public static final long FIRST_SEQ = 1;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "queue_id")
    private String queueId;
    /**
     * The queue the customer waits in while REQUESTED, null otherwise: a queue's line is read by
     * this column alone, so that no database plans it from the state (V23). Kept with the state.
     */
    @Column(name = "waiting_in")
    private String waitingIn;
    @Enumerated(EnumType.STRING)
    private AudienceState state;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "customer_token_hash")
    private String customerTokenHash;
    @Column(name = "first_message")
    private String firstMessage;
    @Column(name = "pre_answers")
    private String preAnswers;
    private String metadata;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;
    /** When the customer joined the line of the queue they are in now: the request or the latest transfer. */
    @Column(name = "queued_at")
    private OffsetDateTime queuedAt;
    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;
    @Column(name = "ended_at")
    private OffsetDateTime endedAt;
    /**
     * When a socket or a status poll last showed the waiting customer; the node holding their
     * socket renews it every few seconds. Drives the grace period.
     */
    @Column(name = "customer_seen_at")
    private OffsetDateTime customerSeenAt;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;
    /** The customer's rating after the end: 1 good, 0 okay, -1 poor; null while not rated. */
    private Integer rating;
    @Column(name = "post_answers")
    private String postAnswers;
    @Version
    private long version;
    /** Decrypted secure metadata (JSON object of strings), and the master key that vouched for it. */
    @Column(name = "verified_metadata")
    private String verifiedMetadata;
    @Column(name = "verified_key_id")
    private String verifiedKeyId;
    /** When retention deleted the conversation's content; the row stays for history and statistics. */
    @Column(name = "transcript_deleted_at")
    private OffsetDateTime transcriptDeletedAt;
    /** The site whose widget the customer came through, if any. */
    @Column(name = "site_key")
    private String siteKey;

    protected Audience() {
    }

    /** A customer joins a queue; the queue has already admitted them. */
    Audience(String organizationId, String queueId, String customerName, String customerTokenHash,
             String firstMessage, String preAnswersJson, String metadataJson) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.queueId = queueId;
        this.state = AudienceState.REQUESTED;
        this.waitingIn = queueId;
        this.customerName = customerName == null || customerName.isBlank() ? GUEST : customerName.strip();
        this.customerTokenHash = customerTokenHash;
        this.firstMessage = firstMessage;
        // Stored as the conversation's first message in the request's transaction
        // (RequestMessages): counted now, so the new row is inserted as it ends, not updated after.
        this.lastSeq = firstMessage == null ? 0 : FIRST_SEQ;
        this.preAnswers = preAnswersJson;
        this.metadata = metadataJson;
        this.requestedAt = Clock.now();
        this.queuedAt = requestedAt;
        // Until a socket (or a status poll) shows the customer, the grace clock runs from arrival.
        this.customerSeenAt = requestedAt;
    }

    /** The customer came through this site's widget (checked by the caller: it offers the queue). */
    void cameThrough(String siteKey) {
        this.siteKey = siteKey;
    }

    /** An agent takes the customer. Only a waiting customer can be picked, and only once. */
    void accept(String agentId) {
        switch (state) {
            case REQUESTED -> {
                this.state = AudienceState.ACCEPTED;
                this.waitingIn = null;
                this.agentId = agentId;
                this.acceptedAt = Clock.now();
            }
            case ACCEPTED, FINISHED, COMPLETE -> throw new AlreadyPicked();
            case DROPPED -> throw new AudienceEnded("The customer left the queue before being picked");
        }
    }

    /** The holding agent ends the conversation. */
    void finishByAgent(String agentId) {
        requireHeldBy(agentId);
        requireNotEnded();
        this.state = AudienceState.FINISHED;
        this.endedAt = Clock.now();
    }

    /**
     * "End and hide": the holding agent puts a finished conversation out of their sidebar, which
     * completes it. Completing a complete one again changes nothing.
     */
    void completeByAgent(String agentId) {
        requireHeldBy(agentId);
        if (state != AudienceState.FINISHED && state != AudienceState.COMPLETE) {
            throw new InvalidInput("Only a finished conversation can be hidden; end it first");
        }
        if (state == AudienceState.FINISHED) {
            complete();
        }
    }

    /**
     * The completion timer: a conversation finished before {@code cutoff} completes.
     *
     * @return whether it completed now (another node, or the agent, may have been first)
     */
    boolean completeIfFinishedBefore(OffsetDateTime cutoff) {
        if (state != AudienceState.FINISHED || !endedAt.isBefore(cutoff)) {
            return false;
        }
        complete();
        return true;
    }

    private void complete() {
        state = AudienceState.COMPLETE;
        completedAt = Clock.now();
    }

    /**
     * Whether the agent may still wrap the conversation up (tags, notes): while it runs and once
     * it finished, until it is COMPLETE.
     */
    public boolean isOpenForWrapUp() {
        return state == AudienceState.ACCEPTED || state == AudienceState.FINISHED;
    }

    /** Refuses a wrap-up change (tags, notes) once the conversation is complete (or never started). */
    public void requireOpenForWrapUp() {
        if (!isOpenForWrapUp()) {
            throw new AudienceComplete();
        }
    }

    /**
     * The holding agent sends the customer to another queue: they wait again, in {@code
     * targetQueueId}, keeping their messages and their place by request time. Only a live
     * conversation can be transferred; the queues decide whether the target takes them.
     */
    void transferTo(String agentId, String targetQueueId) {
        requireHeldBy(agentId);
        if (state != AudienceState.ACCEPTED) {
            throw new AudienceEnded("Only a live conversation can be transferred");
        }
        this.state = AudienceState.REQUESTED;
        this.queueId = targetQueueId;
        this.waitingIn = targetQueueId;
        this.agentId = null;
        this.acceptedAt = null;
        this.queuedAt = Clock.now();
        // The grace clock starts now: nobody renewed it while the customer talked.
        this.customerSeenAt = queuedAt;
    }

    /** The customer rates the ended conversation, once. */
    void rate(int rating) {
        requireEndedForFeedback();
        if (this.rating != null) {
            throw new FeedbackRefused(ErrorCode.ALREADY_RATED, "This conversation was rated already");
        }
        this.rating = rating;
    }

    /** The customer answers the post-audience questionnaire of the ended conversation, once. */
    void answerAfterwards(String answersJson) {
        requireEndedForFeedback();
        if (postAnswers != null) {
            throw new FeedbackRefused(ErrorCode.ALREADY_ANSWERED,
                    "The questionnaire of this conversation was answered already");
        }
        this.postAnswers = answersJson;
    }

    private void requireEndedForFeedback() {
        if (state != AudienceState.FINISHED && state != AudienceState.COMPLETE) {
            throw new FeedbackRefused(ErrorCode.AUDIENCE_NOT_ENDED,
                    "A conversation can be rated and its questionnaire answered once it has ended");
        }
    }

    /**
     * Retention: forgets what the customer and the agent said and filled in (the first message,
     * answers, metadata), keeping who, where, when and the rating. Only a conversation complete
     * since before {@code cutoff}, or a request dropped before it (its first message, answers and
     * metadata are the customer's words too), is deleted, and only once.
     *
     * @return whether it was deleted now (another node may have been first)
     */
    public boolean deleteTranscriptIfOverBefore(OffsetDateTime cutoff) {
        OffsetDateTime over = switch (state) {
            case COMPLETE -> completedAt;
            case DROPPED -> endedAt;
            default -> null;
        };
        if (over == null || transcriptDeletedAt != null || !over.isBefore(cutoff)) {
            return false;
        }
        firstMessage = null;
        preAnswers = null;
        metadata = null;
        verifiedMetadata = null;
        verifiedKeyId = null;
        postAnswers = null;
        transcriptDeletedAt = Clock.now();
        return true;
    }

    /** The customer ends: leaving the line drops the request, leaving a conversation finishes it. */
    void endByCustomer() {
        requireNotEnded();
        this.state = state == AudienceState.REQUESTED ? AudienceState.DROPPED : AudienceState.FINISHED;
        this.waitingIn = null;
        this.endedAt = Clock.now();
    }

    /**
     * Drops a waiting customer nobody has seen since before {@code cutoff} (the grace period).
     *
     * @return whether it was dropped: a customer who came back, or was picked, stays
     */
    boolean dropIfUnseenSince(OffsetDateTime cutoff) {
        if (state != AudienceState.REQUESTED || !customerSeenAt.isBefore(cutoff)) {
            return false;
        }
        this.state = AudienceState.DROPPED;
        this.waitingIn = null;
        this.endedAt = Clock.now();
        return true;
    }

    /** A customer socket registers: the grace clock restarts (polls and heartbeats mark the row without the entity). */
    void customerSeen() {
        if (state == AudienceState.REQUESTED) {
            customerSeenAt = Clock.now();
        }
    }

    /** Secure metadata the organization's master key vouched for, kept with the request. */
    void verified(String keyId, String verifiedMetadataJson) {
        this.verifiedKeyId = keyId;
        this.verifiedMetadata = verifiedMetadataJson;
    }

    /** The customer's live metadata replaces what was stored; only while the audience lives. */
    void replaceMetadata(String metadataJson) {
        if (!state.takesMessages()) {
            throw new AudienceEnded("This conversation has ended");
        }
        this.metadata = metadataJson;
    }

    /** The sequence number for the next message; only live audiences take messages. */
    public long nextSeq() {
        if (!state.takesMessages()) {
            throw new AudienceEnded("This conversation has ended");
        }
        return ++lastSeq;
    }

    public void requireHeldBy(String agentId) {
        if (this.agentId == null || !this.agentId.equals(agentId)) {
            throw new NotHeldByYou();
        }
    }

    private void requireNotEnded() {
        if (state == AudienceState.FINISHED || state == AudienceState.COMPLETE || state == AudienceState.DROPPED) {
            throw new AudienceEnded("This conversation has ended");
        }
    }

    boolean hasCustomerToken(String token) {
        return MessageDigest.isEqual(customerTokenHash.getBytes(StandardCharsets.US_ASCII),
                org.carequeue.platform.Tokens.hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String queueId() {
        return queueId;
    }

    public AudienceState state() {
        return state;
    }

    public String customerName() {
        return customerName;
    }

    public String firstMessage() {
        return firstMessage;
    }

    String preAnswersJson() {
        return preAnswers;
    }

    /** The pre-questionnaire answers the customer arrived with (for rules of other concepts, e.g. tags). */
    public Map<String, String> preAnswers() {
        return CustomerFacts.fromJson(preAnswers);
    }

    String metadataJson() {
        return metadata;
    }

    String verifiedMetadataJson() {
        return verifiedMetadata;
    }

    String verifiedKeyId() {
        return verifiedKeyId;
    }

    public String agentId() {
        return agentId;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime queuedAt() {
        return queuedAt;
    }

    public OffsetDateTime acceptedAt() {
        return acceptedAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    /** The seq of the latest message (0 before the first). */
    public long lastSeq() {
        return lastSeq;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public Integer rating() {
        return rating;
    }

    String postAnswersJson() {
        return postAnswers;
    }

    /** The customer's metadata as kept (browser, pages, the IP address where the queue keeps it). */
    public Map<String, String> metadata() {
        return CustomerFacts.fromJson(metadata);
    }

    /** The secure metadata the organization's master key vouched for. */
    public Map<String, String> verifiedMetadata() {
        return CustomerFacts.fromJson(verifiedMetadata);
    }

    /** The post-audience questionnaire's answers. */
    public Map<String, String> postAnswers() {
        return CustomerFacts.fromJson(postAnswers);
    }

    /** When retention deleted the conversation's content; null while it is kept. */
    public OffsetDateTime transcriptDeletedAt() {
        return transcriptDeletedAt;
    }
}
