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
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;

/**
 * One customer's request and, once picked, their 1-on-1 conversation with one agent.
 *
 * <p>Lifecycle: REQUESTED (waiting, has a queue position) -> ACCEPTED (an agent holds it) ->
 * FINISHED (either side ended it); or REQUESTED -> DROPPED (the customer left before being picked).
 * Every transition is a method here that refuses when it does not apply; callers hold the row lock.
 * The audience also hands out its messages' gap-free sequence numbers ({@link #nextSeq()}).
 */
@Entity
public class Audience {

    public static final int MAX_NAME_LENGTH = 200;
    public static final String GUEST = "Guest";

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "queue_id")
    private String queueId;
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
    @Column(name = "hidden_at")
    private OffsetDateTime hiddenAt;
    @Version
    private long version;
    /** Decrypted secure metadata (JSON object of strings), and the master key that vouched for it. */
    @Column(name = "verified_metadata")
    private String verifiedMetadata;
    @Column(name = "verified_key_id")
    private String verifiedKeyId;

    protected Audience() {
    }

    /** A customer joins a queue; the queue has already admitted them. */
    Audience(String organizationId, String queueId, String customerName, String customerTokenHash,
             String firstMessage, String preAnswersJson, String metadataJson) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.queueId = queueId;
        this.state = AudienceState.REQUESTED;
        this.customerName = customerName == null || customerName.isBlank() ? GUEST : customerName.strip();
        this.customerTokenHash = customerTokenHash;
        this.firstMessage = firstMessage;
        this.preAnswers = preAnswersJson;
        this.metadata = metadataJson;
        this.requestedAt = Clock.now();
        // Until a socket (or a status poll) shows the customer, the grace clock runs from arrival.
        this.customerSeenAt = requestedAt;
    }

    /** An agent takes the customer. Only a waiting customer can be picked, and only once. */
    void accept(String agentId) {
        switch (state) {
            case REQUESTED -> {
                this.state = AudienceState.ACCEPTED;
                this.agentId = agentId;
                this.acceptedAt = Clock.now();
            }
            case ACCEPTED, FINISHED -> throw new AlreadyPicked();
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

    /** The holding agent puts a finished conversation out of their sidebar. */
    void hideForAgent(String agentId) {
        requireHeldBy(agentId);
        if (state != AudienceState.FINISHED) {
            throw new InvalidInput("Only a finished conversation can be hidden; end it first");
        }
        if (hiddenAt == null) {
            hiddenAt = Clock.now();
        }
    }

    /** The customer ends: leaving the line drops the request, leaving a conversation finishes it. */
    void endByCustomer() {
        requireNotEnded();
        this.state = state == AudienceState.REQUESTED ? AudienceState.DROPPED : AudienceState.FINISHED;
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
        this.endedAt = Clock.now();
        return true;
    }

    /** A socket or a status poll shows the customer now: the grace clock restarts. */
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
        if (state == AudienceState.FINISHED || state == AudienceState.DROPPED) {
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

    public OffsetDateTime acceptedAt() {
        return acceptedAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }
}
