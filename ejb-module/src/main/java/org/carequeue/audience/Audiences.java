package org.carequeue.audience;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.carequeue.agent.Agent;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.agent.CallerIdentity;
import org.carequeue.agent.Callers;
import org.carequeue.api.audience.AudienceDetailResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.metadata.InvalidSecureMetadata;
import org.carequeue.metadata.MasterKeyAccess;
import org.carequeue.metadata.MetadataCollection;
import org.carequeue.metadata.SecureMetadataDecoder;
import org.carequeue.metadata.SecureMetadataPolicy;
import org.carequeue.metadata.SecureMetadataRequired;
import org.carequeue.metadata.VerifiedMetadata;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Databases;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.Tokens;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueAccess;
import org.carequeue.queue.QueueLog;
import org.carequeue.queue.QueueLogEntry;
import org.carequeue.queue.QueueLogKind;
import org.carequeue.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audience use cases: a customer requests, an agent picks, transfers or ends, either side ends,
 * the customer rates and answers afterwards, waiting customers whose socket is gone are dropped and
 * finished conversations complete after a while. Each method is one transaction; the queue's activity
 * log is written in it, and events reach sockets only after it commits.
 */
@Stateless
public class Audiences {

    /** How many waiting customers "pick next" on H2 reads at a time, in line order. */
    static final int PICK_CANDIDATES = 32;
    /** How long "pick next" on PostgreSQL keeps looking while every waiting customer's row is held by someone else. */
    static final long HELD_LINE_MILLIS = 10_000;
    /**
     * The first pause before "pick next" looks at a held line again (about one pick's time); each
     * next pause is twice as long, up to {@link #HELD_LINE_MAX_PAUSE_MILLIS}, so that fifteen
     * agents who lost the race for one customer do not keep the server busy with their looks
     * while the winner commits.
     */
    static final long HELD_LINE_FIRST_PAUSE_MILLIS = 10;
    static final long HELD_LINE_MAX_PAUSE_MILLIS = 160;
    /** Most drops in one tick's transaction; the next tick takes the rest. */
    static final int DROPS_PER_TICK = 200;
    /**
     * Most waiting customers one heartbeat transaction marks seen. Its row locks last until its
     * commit: meanwhile "pick next" takes another customer, or looks again (PostgreSQL) or waits
     * (H2), and a drop waits.
     */
    public static final int PRESENCE_BATCH = 500;
    /** Sockets renew presence every two seconds; a shorter grace would drop connected customers. */
    static final int MIN_GRACE_SECONDS = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueLog queueLog;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    @Inject
    AudienceAccess audiences;

    @Inject
    Event<AudienceRequested> requested;

    @Inject
    Event<AudienceAccepted> accepted;

    @Inject
    Event<AudienceDropped> dropped;

    @Inject
    Event<AudienceFinished> finished;

    @Inject
    Event<CustomerMetadataChanged> metadataChanged;

    @Inject
    MasterKeyAccess masterKeys;

    @Inject
    @ConfigProperty(name = "carequeue.customer.grace-seconds", defaultValue = "60")
    int graceSeconds;

    @Inject
    Event<AudienceTransferred> transferred;

    @Inject
    Event<AudienceCompleted> completed;

    @Inject
    Event<AudienceFeedbackGiven> feedbackGiven;

    /** How long a finished conversation stays in the agent's sidebar for wrap-up before it completes. */
    @Inject
    @ConfigProperty(name = "carequeue.audience.complete-after-seconds", defaultValue = "21600")
    long completeAfterSeconds;

    /** Most completions in one tick's transaction; the next tick takes the rest. */
    static final int COMPLETIONS_PER_TICK = 200;

    /**
     * A customer joins a queue; the answer carries the token that is their only key to it.
     * {@code customerAddress} is the client's IP address as the server saw it (never the client's
     * own claim); the queue's settings decide whether it is kept.
     */
    @PermitAll
    public CustomerRequestResponse request(String queueId, CustomerRequest request, String customerAddress) {
        CustomerRequest r = request == null ? new CustomerRequest(null, null, null, null, null) : request;
        String name = InvalidInput.optionalText("name", r.name(), Audience.MAX_NAME_LENGTH);
        String message = InvalidInput.optionalText("message", r.message(), PostMessageRequest.MAX_TEXT_LENGTH);
        String preAnswers = CustomerFacts.toJson("preAnswers", r.preAnswers());
        // Checked as sent, whatever the queue keeps of it: the contract does not depend on a setting.
        CustomerFacts.toJson("metadata", r.metadata());

        Queue queue = queues.forNewRequest(queueId);
        String siteKey = queues.requireOnSite(queue, r.siteKey());
        String metadata = CustomerFacts.toJson("metadata", collected(queue, r.metadata(), customerAddress));
        VerifiedMetadata verified = verifiedFor(queue, r.secureMetadata());
        String token = Tokens.newToken(Tokens.CUSTOMER_PREFIX);
        Audience audience = new Audience(queue.organizationId(), queue.id(), name, Tokens.hash(token),
                message == null || message.isBlank() ? null : message, preAnswers, metadata);
        if (verified != null) {
            audience.verified(verified.keyId(), verifiedJson(verified));
        }
        audience.cameThrough(siteKey);
        em.persist(audience);
        // The first message (stored by an observer) refers to the audience row by id only.
        em.flush();
        queueLog.append(new QueueLogEntry(queue.id(), QueueLogKind.REQUESTED, null, audience.id()));
        requested.fire(new AudienceRequested(audience.id(), queue.id(), queue.organizationId(), queue.memberIds()));
        // Admitted last: arrivals queue up on the queue's lock for the count and the commit only.
        int place = queues.admitNewcomer(queue);
        return new CustomerRequestResponse(audience.id(), token, audience.state().name(), place);
    }

    /** What the queue keeps of the browser's metadata: the IP address only from the server, and only under ALL. */
    private static Map<String, String> collected(Queue queue, Map<String, String> fromBrowser, String customerAddress) {
        MetadataCollection collection = queue.metadataCollection();
        if (!collection.keepsMetadata()) {
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>(fromBrowser == null ? Map.of() : fromBrowser);
        kept.keySet().removeIf(MetadataCollection::looksLikeIp);
        if (collection.keepsIp() && customerAddress != null) {
            kept.put(MetadataCollection.IP_KEY, customerAddress);
        }
        return kept;
    }

    /** Decrypts the request's secure metadata as the queue asks; IGNORED leaves it unread. */
    private VerifiedMetadata verifiedFor(Queue queue, String secureMetadata) {
        SecureMetadataPolicy policy = queue.secureMetadata();
        if (policy == SecureMetadataPolicy.IGNORED) {
            return null;
        }
        if (secureMetadata == null || secureMetadata.isBlank()) {
            if (policy == SecureMetadataPolicy.REQUIRED) {
                throw new SecureMetadataRequired(queue.name());
            }
            return null;
        }
        return SecureMetadataDecoder.decode(secureMetadata, masterKeys.secretsOf(queue.organizationId()),
                Clock.now().toInstant());
    }

    /** The verified facts as stored; the user id the partner named is one of them. */
    private static String verifiedJson(VerifiedMetadata verified) {
        Map<String, String> facts = new LinkedHashMap<>(verified.metadata());
        if (verified.userId() != null) {
            facts.putIfAbsent("user_id", verified.userId());
        }
        try {
            return CustomerFacts.toJson("secureMetadata", facts);
        } catch (InvalidInput tooLarge) {
            throw new InvalidSecureMetadata();
        }
    }

    /**
     * The customer's live metadata (the page they are on, say), merged into what is stored: a key
     * with an empty value is removed, {@code ip} stays the server's. A queue that collects no
     * metadata stores nothing. The holding agent's desk is told after commit.
     *
     * @return the customer's metadata as stored now
     */
    @PermitAll
    public Map<String, String> updateMetadata(String audienceId, String customerToken, Map<String, String> updates) {
        if (updates == null) {
            throw new InvalidInput("metadata", "metadata is required");
        }
        CustomerFacts.toJson("metadata", updates);
        Audience audience = audiences.forCustomerToChange(audienceId, customerToken);
        if (!audience.state().takesMessages()) {
            throw new AudienceEnded("This conversation has ended");
        }
        Queue queue = em.find(Queue.class, audience.queueId());
        if (!queue.metadataCollection().keepsMetadata()) {
            return Map.of();
        }
        Map<String, String> merged = new LinkedHashMap<>(CustomerFacts.fromJson(audience.metadataJson()));
        updates.forEach((key, value) -> {
            if (!MetadataCollection.looksLikeIp(key)) {
                if (value == null || value.isEmpty()) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            }
        });
        audience.replaceMetadata(CustomerFacts.toJson("metadata", merged));
        metadataChanged.fire(new CustomerMetadataChanged(audience.id(), audience.agentId()));
        return merged;
    }

    /**
     * The customer's view of their audience. Polling it counts as being present: a customer
     * without a socket (an integration over REST) is not dropped while they keep asking. The mark
     * does not wait for the row (see {@link #markSeen}), so a poll never queues behind a heartbeat.
     */
    @PermitAll
    public AudienceResponse status(String audienceId, String customerToken) {
        Audience audience = audiences.forCustomer(audienceId, customerToken);
        if (audience.state().isWaiting()) {
            markSeen(List.of(audience.id()));
        }
        return view(audience);
    }

    /** An agent's view: the holder, or a member of the queue while the customer waits. */
    @RolesAllowed(Roles.AGENT)
    public AudienceResponse detail(String audienceId) {
        return view(audiences.forReader(audienceId, callers.current()));
    }

    /** The desk's "about the customer": the audience with its queue, metadata and answers. */
    @RolesAllowed(Roles.AGENT)
    public AudienceDetailResponse customerCard(String audienceId) {
        Audience audience = audiences.forReader(audienceId, callers.current());
        Queue queue = em.find(Queue.class, audience.queueId());
        return new AudienceDetailResponse(view(audience), queue.name(), CustomerFacts.fromJson(audience.metadataJson()),
                CustomerFacts.fromJson(audience.preAnswersJson()), CustomerFacts.fromJson(audience.verifiedMetadataJson()),
                audience.verifiedKeyId());
    }

    /**
     * Picks a chosen waiting customer, or the longest-waiting one when {@code audienceId} is null.
     * Racing agents queue up on the audience's row lock: the first wins, the others are told
     * {@code already_picked} (chosen) or move on to the next customer (next).
     */
    @RolesAllowed(Roles.AGENT)
    public AudienceResponse pick(String queueId, String audienceId) {
        CallerIdentity agent = callers.identity();
        Queue queue = queues.forMember(queueId, agent);
        Audience picked = audienceId == null ? pickNext(queue) : audiences.inQueueToChange(audienceId, queue.id());
        picked.accept(agent.agentId());
        queueLog.append(new QueueLogEntry(queue.id(), QueueLogKind.PICKED, agent.agentId(), picked.id()));
        accepted.fire(new AudienceAccepted(picked.id(), queue.id(), queue.organizationId(), agent.agentId(), agent.name(),
                queue.memberIds()));
        return view(picked, agent.name(), null);
    }

    /**
     * Takes the longest-waiting customer whose row no other transaction holds ({@code for update
     * skip locked}): racing agents each lock a different customer at once instead of queueing up
     * behind the first one's whole transaction, and the database still gives each row to one of
     * them. A customer skipped for being locked (by another pick, a drop or a heartbeat) is taken
     * by the next pick if still waiting.
     *
     * <p>On PostgreSQL a pick never waits for a customer's row. When every waiting row is held,
     * it looks again after a pause (10 ms, then twice as long each time), until one is free,
     * nobody waits ("empty", once the holders have committed), or {@link #HELD_LINE_MILLIS} have
     * passed ({@code service_unavailable}, nothing changed). It used to walk the line with waiting
     * locks instead, and two such walkers deadlocked now and then: a locking read keeps the lock
     * of every row it locked and then found changed (picked by a transaction that committed
     * meanwhile), so a picker could hold rows further down the line than the one it waited for
     * (docs/reliability.md). On H2 looking again found the row held for the whole 10 s now and
     * then, long after its holder had committed (not traced), so H2 still walks the line, and may
     * still answer a rare deadlock with {@code service_unavailable}.
     */
    private Audience pickNext(Queue queue) {
        Audience next = firstFreeWaiting(queue);
        if (next != null) {
            return next;
        }
        return Databases.onPostgreSql(em) ? firstFreedWaiting(queue) : firstStillWaiting(queue);
    }

    /** The longest-waiting customer whose row nobody holds, locked; null when every waiting row is held or nobody waits. */
    private Audience firstFreeWaiting(Queue queue) {
        // The whole row comes with its lock: it is read as the lock was taken, so it is still waiting.
        List<?> free = em.createNativeQuery("select * from audience where waiting_in = ?1"
                        + WaitingLine.SQL_ORDER + " limit 1 for update skip locked", Audience.class)
                .setParameter(1, queue.id())
                .getResultList();
        return free.isEmpty() ? null : (Audience) free.get(0);
    }

    /** On PostgreSQL: looks again, with growing pauses, until a waiting row is free, nobody waits, or time is up. */
    private Audience firstFreedWaiting(Queue queue) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HELD_LINE_MILLIS);
        long pause = HELD_LINE_FIRST_PAUSE_MILLIS;
        while (true) {
            if (em.createQuery("select a.id from Audience a where a.waitingIn = :queue", String.class)
                    .setParameter("queue", queue.id()).setMaxResults(1).getResultList().isEmpty()) {
                throw new NobodyWaiting(queue.name());
            }
            if (System.nanoTime() > deadline || !pausedBeforeLookingAgain(pause)) {
                throw new LineHeld(queue.name());
            }
            pause = Math.min(2 * pause, HELD_LINE_MAX_PAUSE_MILLIS);
            Audience free = firstFreeWaiting(queue);
            if (free != null) {
                return free;
            }
        }
    }

    /**
     * On H2: locks waiting customers in line order until one is still waiting once its lock is
     * held. Rows other agents took in the meantime are skipped; when a whole page was taken, the
     * line is read again, so "empty" is only answered when nobody waits.
     */
    private Audience firstStillWaiting(Queue queue) {
        while (true) {
            List<String> candidates = em.createQuery("select a.id from Audience a where a.waitingIn = :queue"
                            + WaitingLine.JPQL_ORDER, String.class)
                    .setParameter("queue", queue.id())
                    .setMaxResults(PICK_CANDIDATES)
                    .getResultList();
            for (String candidate : candidates) {
                Audience audience = audiences.locked(candidate);
                if (audience.state().isWaiting()) {
                    return audience;
                }
            }
            if (candidates.size() < PICK_CANDIDATES) {
                throw new NobodyWaiting(queue.name());
            }
        }
    }

    /** @return false if the thread was interrupted (the server is stopping) */
    private static boolean pausedBeforeLookingAgain(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The customer ends: a waiting customer leaves the line (DROPPED), a talking one FINISHES. */
    @PermitAll
    public AudienceResponse endByCustomer(String audienceId, String customerToken) {
        Audience audience = audiences.forCustomerToChange(audienceId, customerToken);
        boolean wasWaiting = audience.state().isWaiting();
        audience.endByCustomer();
        recordEnd(audience, wasWaiting, null);
        return view(audience);
    }

    /** The holding agent ends the conversation. */
    @RolesAllowed(Roles.AGENT)
    public AudienceResponse endByAgent(String audienceId) {
        Agent agent = callers.current();
        Audience audience = audiences.forHolder(audienceId, agent);
        audience.finishByAgent(agent.id());
        recordEnd(audience, false, agent.id());
        return view(audience, agent.displayName(), null);
    }

    /** "End and hide": ends the conversation, if it still runs, and takes it out of the sidebar. */
    @RolesAllowed(Roles.AGENT)
    public AudienceResponse endAndHide(String audienceId) {
        Agent agent = callers.current();
        Audience audience = audiences.forHolder(audienceId, agent);
        if (audience.state() == AudienceState.ACCEPTED) {
            audience.finishByAgent(agent.id());
            recordEnd(audience, false, agent.id());
        }
        boolean wasComplete = audience.state() == AudienceState.COMPLETE;
        audience.completeByAgent(agent.id());
        if (!wasComplete) {
            completed.fire(new AudienceCompleted(audience.id(), audience.queueId(), audience.agentId()));
        }
        return view(audience, agent.displayName(), null);
    }

    /**
     * Completes the conversations that finished longer ago than the wrap-up time. Every node's
     * timer runs this; under the row lock the audience checks again that it is still FINISHED, so
     * each completes once, and one the agent completed meanwhile ("end and hide") stays as it is.
     * Only server code calls this.
     */
    @PermitAll
    public int completeFinished() {
        OffsetDateTime cutoff = Clock.now().minusSeconds(completeAfterSeconds);
        List<String> due = em.createQuery("select a.id from Audience a where a.state = :finished"
                        + " and a.endedAt < :cutoff order by a.endedAt, a.id", String.class)
                .setParameter("finished", AudienceState.FINISHED)
                .setParameter("cutoff", cutoff)
                .setMaxResults(COMPLETIONS_PER_TICK)
                .getResultList();
        int count = 0;
        for (String id : due) {
            Audience audience = audiences.locked(id);
            if (audience.completeIfFinishedBefore(cutoff)) {
                completed.fire(new AudienceCompleted(audience.id(), audience.queueId(), audience.agentId()));
                count++;
            }
        }
        return count;
    }

    /** The customer rates the ended conversation, once: 1 good, 0 okay, -1 poor. */
    @PermitAll
    public AudienceResponse rate(String audienceId, String customerToken, Integer rating) {
        if (rating == null || rating < RatingRequest.POOR || rating > RatingRequest.GOOD) {
            throw new InvalidInput("rating", "rating must be 1 (good), 0 (okay) or -1 (poor)");
        }
        Audience audience = audiences.forCustomerToChange(audienceId, customerToken);
        audience.rate(rating);
        feedbackGiven.fire(new AudienceFeedbackGiven(audience.id(), audience.agentId()));
        return view(audience);
    }

    /** The customer answers the post-audience questionnaire of the ended conversation, once. */
    @PermitAll
    public AudienceResponse answerAfterwards(String audienceId, String customerToken, Map<String, String> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInput("answers", "answers are required; a customer who skips the questionnaire sends nothing");
        }
        String answersJson = CustomerFacts.toJson("answers", answers);
        Audience audience = audiences.forCustomerToChange(audienceId, customerToken);
        audience.answerAfterwards(answersJson);
        feedbackGiven.fire(new AudienceFeedbackGiven(audience.id(), audience.agentId()));
        return view(audience);
    }

    /**
     * The holding agent sends the customer to another queue that the current queue's settings
     * allow. The same audience waits again there, with its messages, until an agent of that queue
     * picks it; both queues' logs say so, and a system message in the conversation too (stored by
     * an observer in this transaction). The target must take a new customer now (open, not full,
     * not suspended).
     */
    @RolesAllowed(Roles.AGENT)
    public AudienceResponse transfer(String audienceId, String targetQueueId) {
        Agent agent = callers.current();
        if (targetQueueId == null || targetQueueId.isBlank()) {
            throw new InvalidInput("queueId", "queueId is required: the queue to transfer the customer to");
        }
        Audience audience = audiences.forHolder(audienceId, agent);
        if (audience.state() != AudienceState.ACCEPTED) {
            throw new AudienceEnded("Only a live conversation can be transferred");
        }
        Queue from = em.find(Queue.class, audience.queueId());
        if (!from.allowsTransferTo(targetQueueId)) {
            throw new TransferNotAllowed(from.name());
        }
        Queue target = queues.forNewRequest(targetQueueId);
        audience.transferTo(agent.id(), target.id());
        queueLog.append(QueueLogEntry.transfer(from.id(), QueueLogKind.TRANSFERRED_OUT, agent.id(), audience.id(), target.id()));
        queueLog.append(QueueLogEntry.transfer(target.id(), QueueLogKind.TRANSFERRED_IN, agent.id(), audience.id(), from.id()));
        transferred.fire(new AudienceTransferred(audience.id(), from.id(), target.id(), audience.organizationId(), agent.id()));
        queues.admitNewcomer(target);
        return view(audience, null, position(audience));
    }

    /**
     * Where the holding agent may transfer this customer: the targets of its queue's settings, with
     * whether each takes a customer now (its public state), by name.
     */
    @RolesAllowed(Roles.AGENT)
    public List<PublicQueueResponse> transferTargets(String audienceId) {
        Agent agent = callers.current();
        Audience audience = audiences.forReader(audienceId, agent);
        audience.requireHeldBy(agent.id());
        Queue from = em.find(Queue.class, audience.queueId());
        return from.transferTargetIds().stream()
                .map(id -> em.find(Queue.class, id))
                .filter(q -> q != null && !q.isDeleted())
                .sorted(Comparator.comparing(Queue::name, String.CASE_INSENSITIVE_ORDER))
                .map(q -> {
                    int waiting = queues.waiting(q.id());
                    return new PublicQueueResponse(q.id(), q.name(), q.publicState(waiting), waiting, null);
                })
                .toList();
    }

    /**
     * An agent removed from the organization can no longer answer: their conversations end in the
     * transaction that removes them, so their customers are told at once instead of waiting.
     */
    @RolesAllowed(Roles.OPERATOR)
    public void endForRemovedAgent(@Observes AgentRemoved event) {
        em.createQuery("select a.id from Audience a where a.agentId = :agent and a.state = :accepted", String.class)
                .setParameter("agent", event.agentId())
                .setParameter("accepted", AudienceState.ACCEPTED)
                .getResultList()
                .forEach(audienceId -> {
                    Audience audience = audiences.locked(audienceId);
                    if (audience.state() == AudienceState.ACCEPTED) {
                        audience.finishByAgent(event.agentId());
                        recordEnd(audience, false, event.agentId());
                    }
                });
    }

    /**
     * The live conversations an agent holds, oldest first, for their chat socket's first frame.
     * Only server code calls this, with the id of an agent it has just authenticated.
     */
    @PermitAll
    public List<String> liveHeldBy(String agentId) {
        return em.createQuery("select a.id from Audience a where a.agentId = :agent and a.state = :accepted"
                        + " order by a.acceptedAt, a.id", String.class)
                .setParameter("agent", agentId)
                .setParameter("accepted", AudienceState.ACCEPTED)
                .getResultList();
    }

    private void recordEnd(Audience audience, boolean wasWaiting, String agentId) {
        if (wasWaiting) {
            queueLog.append(QueueLogEntry.dropped(audience.queueId(), audience.id(), audience.queuedAt()));
            dropped.fire(new AudienceDropped(audience.id(), audience.queueId(), audience.organizationId()));
        } else {
            queueLog.append(new QueueLogEntry(audience.queueId(), QueueLogKind.ENDED, agentId, audience.id()));
            finished.fire(new AudienceFinished(audience.id(), audience.queueId(), audience.organizationId(), audience.agentId()));
        }
    }

    /** Which audience a customer token opens (for a socket, before it registers); changes nothing. */
    @PermitAll
    public AudienceResponse identifyCustomer(String customerToken) {
        return view(audiences.byCustomerToken(customerToken));
    }

    /** A customer socket is registered: the customer is seen; the answer is the state from now on. */
    @PermitAll
    public AudienceResponse customerConnected(String customerToken) {
        Audience audience = audiences.lock(audiences.byCustomerToken(customerToken));
        audience.customerSeen();
        return view(audience);
    }

    /**
     * The customer's last socket on this node closed: while they wait, the grace clock runs from
     * now, unless another node that holds a socket of theirs sees them again meanwhile.
     */
    @PermitAll
    public void customerLeft(String customerToken) {
        Audience audience = audiences.byCustomerToken(customerToken);
        if (audience.state().isWaiting()) {
            markSeen(List.of(audience.id()));
        }
    }

    /**
     * A batch of the heartbeat of the waiting customers whose sockets one node holds (at most
     * {@link #PRESENCE_BATCH}): they are seen now. The caller sends a node's customers batch by
     * batch, each in a transaction of its own: in one transaction for all of them, 10,000 waiting
     * customers' rows stayed locked for up to 3.2 s every two seconds (docs/benchmarks.md, tenth
     * session).
     */
    @PermitAll
    public void customersPresent(List<String> audienceIds) {
        if (audienceIds.size() > PRESENCE_BATCH) {
            throw new IllegalArgumentException("At most " + PRESENCE_BATCH + " customers per heartbeat batch");
        }
        if (!audienceIds.isEmpty()) {
            markSeen(audienceIds);
        }
    }

    /**
     * Waiting customers are seen now. One statement, which skips rows another transaction holds
     * instead of waiting for them: a row being picked or dropped needs no mark, one held by a
     * heartbeat or a poll is being marked by it, and waiting could deadlock with a drop or a pick
     * on H2, which lock rows in line order. The column is in no index, so PostgreSQL writes the mark
     * in place (migration V25).
     *
     * <p>The rows are found by id alone, so the primary key is the only way to them. With a
     * condition on the state too, PostgreSQL, whose statistics said that hardly anybody waits,
     * read every waiting customer for each batch (with 10,000 waiting, 8.6 ms a batch of 500
     * against 5.0 ms by id alone; docs/benchmarks.md, fourteenth session). A customer picked or
     * dropped since the caller looked gets the mark too, which nothing reads: only the drop scan
     * reads it, of customers still waiting.
     */
    private void markSeen(List<String> audienceIds) {
        String placeholders = IntStream.rangeClosed(2, audienceIds.size() + 1).mapToObj(i -> "?" + i)
                .collect(Collectors.joining(", "));
        var update = em.createNativeQuery("update audience set customer_seen_at = ?1 where id in"
                + " (select id from audience where id in (" + placeholders + ") for update skip locked)");
        update.setParameter(1, Clock.now());
        for (int i = 0; i < audienceIds.size(); i++) {
            update.setParameter(i + 2, audienceIds.get(i));
        }
        update.executeUpdate();
    }

    /**
     * Drops waiting customers nobody has seen for the grace period. Every node runs this; under
     * the row lock the audience checks again that the customer is still waiting and still unseen,
     * so each drop happens once and a customer who just came back stays. Rows are locked in line
     * order, the order pickers on H2 lock them in, so drops never deadlock with each other or with
     * those; on PostgreSQL a pick never waits for a row.
     */
    @PermitAll
    public int dropAbandoned() {
        OffsetDateTime cutoff = Clock.now().minusSeconds(Math.max(graceSeconds, MIN_GRACE_SECONDS));
        List<String> abandoned = em.createQuery("select a.id from Audience a where a.state = :requested"
                        + " and a.customerSeenAt < :cutoff" + WaitingLine.JPQL_ORDER, String.class)
                .setParameter("requested", AudienceState.REQUESTED)
                .setParameter("cutoff", cutoff)
                .setMaxResults(DROPS_PER_TICK)
                .getResultList();
        int count = 0;
        for (String id : abandoned) {
            Audience audience = audiences.locked(id);
            if (audience.dropIfUnseenSince(cutoff)) {
                recordEnd(audience, true, null);
                count++;
            }
        }
        return count;
    }

    /**
     * Places of everyone waiting in a queue with their estimated waits, for pushing them to
     * customer sockets. Only server code calls this (it is not reachable over HTTP) and it returns
     * ids and numbers only.
     */
    @PermitAll
    public Map<String, PlaceInLine> placesInLine(String queueId) {
        WaitEstimate estimate = waitEstimate(queueId);
        Map<String, PlaceInLine> places = new LinkedHashMap<>();
        positions(queueId).forEach((audienceId, position) ->
                places.put(audienceId, new PlaceInLine(position, estimate.secondsAt(position))));
        return places;
    }

    /** The queue's recent picks, for {@link WaitEstimate}: one indexed range read of its activity log. */
    private WaitEstimate waitEstimate(String queueId) {
        OffsetDateTime now = Clock.now();
        List<OffsetDateTime> picks = em.createQuery("select e.at from QueueLogEntry e where e.queueId = :queue"
                        + " and e.kind = :picked and e.at >= :since", OffsetDateTime.class)
                .setParameter("queue", queueId)
                .setParameter("picked", QueueLogKind.PICKED)
                .setParameter("since", now.minus(WaitEstimate.WINDOW))
                .getResultList();
        return WaitEstimate.fromPicks(picks, now);
    }

    private Map<String, Integer> positions(String queueId) {
        List<WaitingLine.Waiting> waiting = em.createQuery("select a.id, a.requestedAt from Audience a"
                        + " where a.waitingIn = :queue", Object[].class)
                .setParameter("queue", queueId)
                .getResultStream()
                .map(row -> new WaitingLine.Waiting((String) row[0], (OffsetDateTime) row[1]))
                .toList();
        return WaitingLine.positions(waiting);
    }

    /**
     * 1-based place in line, or null when not waiting: one indexed count of those ahead in
     * {@link WaitingLine} order (request time, then id).
     */
    private Integer position(Audience audience) {
        if (!audience.state().isWaiting()) {
            return null;
        }
        long ahead = em.createQuery("select count(a) from Audience a where a.waitingIn = :queue"
                        + " and (a.requestedAt < :at or (a.requestedAt = :at and a.id < :id))", Long.class)
                .setParameter("queue", audience.queueId())
                .setParameter("at", audience.requestedAt())
                .setParameter("id", audience.id())
                .getSingleResult();
        return (int) ahead + 1;
    }

    private AudienceResponse view(Audience audience) {
        Agent agent = audience.agentId() == null ? null : em.find(Agent.class, audience.agentId());
        Integer position = position(audience);
        Integer eta = position == null ? null : waitEstimate(audience.queueId()).secondsAt(position);
        return view(audience, agent == null ? null : agent.displayName(), position, eta);
    }

    static AudienceResponse view(Audience a, String agentName, Integer position) {
        return view(a, agentName, position, null);
    }

    private static AudienceResponse view(Audience a, String agentName, Integer position, Integer etaSeconds) {
        return new AudienceResponse(a.id(), a.queueId(), a.state().name(), position, agentName, a.customerName(),
                Clock.iso(a.requestedAt()), Clock.iso(a.acceptedAt()), Clock.iso(a.endedAt()), a.rating(),
                CustomerFacts.fromJson(a.postAnswersJson()), etaSeconds);
    }
}
