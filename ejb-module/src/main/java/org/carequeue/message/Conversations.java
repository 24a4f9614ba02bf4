package org.carequeue.message;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Agents;
import org.carequeue.agent.CallerIdentity;
import org.carequeue.agent.Callers;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceAccess;
import org.carequeue.audience.AudienceEnded;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Forbidden;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.NotAuthenticated;
import org.carequeue.queue.AttachmentRule;
import org.carequeue.queue.Queue;
import org.carequeue.security.Roles;

/**
 * Posting and reading the messages of an audience. A post locks the audience row, so sequence
 * numbers have no gaps and a retried {@code clientMessageId} finds the message stored by the first
 * try instead of storing a second copy.
 */
@Stateless
public class Conversations {

    /** Most messages one read returns; clients page with {@code since}. */
    public static final int MAX_PAGE = 500;
    /**
     * The {@code clientMessageId} of the message a customer brought with their request; clients may
     * not use ids with this prefix, so theirs can never collide with it.
     */
    static final String RESERVED_PREFIX = "carequeue:";
    static final String REQUEST_MESSAGE_ID = RESERVED_PREFIX + "request";
    /** The sender name of CareQueue's own lines in a conversation. */
    static final String SYSTEM_NAME = "CareQueue";

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    Agents agents;

    @Inject
    AudienceAccess audiences;

    @Inject
    Event<MessagePosted> posted;

    @Inject
    AttachmentStore attachments;

    @PermitAll
    public Posted postAsCustomer(String audienceId, String customerToken, String clientMessageId, String text) {
        validate(clientMessageId, text);
        Audience audience = audiences.forCustomerToChange(audienceId, customerToken);
        return post(audience, clientMessageId, SenderRole.CUSTOMER, audience.customerName(), text);
    }

    /** A chat socket's message, customer's or agent's. */
    @PermitAll
    public Posted postFromSocket(SocketPost post) {
        return post.byCustomer()
                ? postAsCustomer(post.audienceId(), post.token(), post.clientMessageId(), post.text())
                : postWithAgentToken(post.token(), post.audienceId(), post.clientMessageId(), post.text());
    }

    /**
     * Stores several chat sockets' messages in one transaction ({@link GroupCommit}) and answers
     * those it stored, each as {@link #postFromSocket(SocketPost)} would have; a failure rolls back
     * all. A post that alone would be refused, or would wait for a lock, is left out, for the group
     * commit to post alone: bad input, no access, an audience another transaction holds locked, one
     * that has ended, or that the agent no longer holds. What one post asks the database one by one
     * is asked once for the batch: the audiences are read and locked with one query whose condition
     * is each post's right to write ({@link AudienceAccess#lockFree}), and the earlier messages of
     * retried ids are found with one. The caller gives no two posts of one audience.
     */
    @PermitAll
    public Map<SocketPost, Posted> postAll(List<SocketPost> posts) {
        Map<String, Agent> agentsByToken = new HashMap<>();
        Map<SocketPost, AudienceAccess.Claim> claims = new LinkedHashMap<>();
        for (SocketPost post : posts) {
            try {
                validate(post.clientMessageId(), post.text());
                claims.put(post, post.byCustomer()
                        ? AudienceAccess.Claim.customer(post.audienceId(), post.token())
                        : AudienceAccess.Claim.holder(post.audienceId(),
                                agentsByToken.computeIfAbsent(post.token(), this::agentByToken)));
            } catch (BusinessException refused) {
                // Nothing is written yet, and no EJB call refused it, so the transaction goes on;
                // posted alone, the post gets this refusal as its answer.
            }
        }
        if (claims.isEmpty()) {
            return Map.of();
        }
        Map<String, Audience> locked = audiences.lockFree(List.copyOf(claims.values()));
        List<SocketPost> storing = claims.keySet().stream()
                .filter(post -> locked.containsKey(post.audienceId())
                        && locked.get(post.audienceId()).state().takesMessages())
                .toList();
        if (storing.isEmpty()) {
            return Map.of();
        }
        Map<ChatMessage.RetryKey, ChatMessage> earlier = earlier(storing.stream()
                .map(post -> retryKey(post, locked.get(post.audienceId()))).toList());
        Map<SocketPost, Posted> answers = new HashMap<>();
        for (SocketPost post : storing) {
            Audience audience = locked.get(post.audienceId());
            ChatMessage.RetryKey key = retryKey(post, audience);
            String senderName = post.byCustomer()
                    ? audience.customerName() : agentsByToken.get(post.token()).displayName();
            answers.put(post, post(Optional.ofNullable(earlier.get(key)), audience, post.clientMessageId(),
                    key.senderRole(), senderName, post.text()));
        }
        return answers;
    }

    @RolesAllowed(Roles.AGENT)
    public Posted postAsAgent(String audienceId, String clientMessageId, String text) {
        return postAsAgent(callers.current(), audienceId, clientMessageId, text);
    }

    /** For the agent socket, which has a bearer token instead of a container caller. */
    @PermitAll
    public Posted postWithAgentToken(String agentToken, String audienceId, String clientMessageId, String text) {
        return postAsAgent(agentByToken(agentToken), audienceId, clientMessageId, text);
    }

    private Posted postAsAgent(Agent agent, String audienceId, String clientMessageId, String text) {
        validate(clientMessageId, text);
        Audience audience = audiences.forHolder(audienceId, agent);
        return post(audience, clientMessageId, SenderRole.AGENT, agent.displayName(), text);
    }

    /**
     * A file from the customer, when the queue lets customers send files. A retried
     * {@code clientMessageId} returns the message stored by the first try and stores nothing more.
     */
    @PermitAll
    public Posted postAttachmentAsCustomer(String audienceId, String customerToken, String clientMessageId,
                                           Upload upload) {
        validateClientMessageId(clientMessageId);
        Audience audience = audiences.forCustomerToChange(audienceId, customerToken);
        return postAttachment(audience, clientMessageId, SenderRole.CUSTOMER, audience.customerName(), upload);
    }

    /** A file from the holding agent, when the queue lets agents send files. */
    @RolesAllowed(Roles.AGENT)
    public Posted postAttachmentAsAgent(String audienceId, String clientMessageId, Upload upload) {
        Agent agent = callers.current();
        validateClientMessageId(clientMessageId);
        Audience audience = audiences.forHolder(audienceId, agent);
        return postAttachment(audience, clientMessageId, SenderRole.AGENT, agent.displayName(), upload);
    }

    private Posted postAttachment(Audience audience, String clientMessageId, SenderRole role, String senderName,
                                  Upload upload) {
        Optional<ChatMessage> earlier = earlier(audience, role, clientMessageId);
        if (earlier.isPresent()) {
            return new Posted(ack(earlier.get()), false);
        }
        AttachmentRule rule = em.find(Queue.class, audience.queueId()).attachments();
        if (role == SenderRole.CUSTOMER ? !rule.allowsCustomer() : !rule.allowsAgent()) {
            throw new Forbidden(role == SenderRole.CUSTOMER && rule.allowsAgent()
                    ? "In this queue only the agent can send files" : "Files cannot be sent in this queue");
        }
        if (!audience.state().takesMessages()) {
            // Before the file is read and scaled, which the refusal would waste.
            throw new AudienceEnded("This conversation has ended");
        }
        return store(audience, clientMessageId, role, senderName, null, attachments.store(audience.id(), upload));
    }

    /** Messages after {@code since}, ascending, for the customer. */
    @PermitAll
    public List<MessageResponse> sinceAsCustomer(String audienceId, String customerToken, long since) {
        Audience audience = audiences.forCustomer(audienceId, customerToken);
        return since(audience.id(), since);
    }

    /** Messages after {@code since}, ascending, for the holding agent (or a member while the customer waits). */
    @RolesAllowed(Roles.AGENT)
    public List<MessageResponse> sinceAsAgent(String audienceId, long since) {
        return since(audiences.forReader(audienceId, callers.current()).id(), since);
    }

    /** For the agent socket's {@code resume}. */
    @PermitAll
    public List<MessageResponse> sinceWithAgentToken(String agentToken, String audienceId, long since) {
        return since(audiences.forReader(audienceId, agentByToken(agentToken)).id(), since);
    }

    /**
     * A transfer leaves a line in the conversation, in the transfer's transaction: "Transferred
     * from Support to Billing by Ann". The audience's row is locked by the transfer.
     */
    @PermitAll
    public void storeTransferLine(@Observes AudienceTransferred event) {
        Audience audience = em.find(Audience.class, event.audienceId());
        Queue from = em.find(Queue.class, event.fromQueueId());
        Queue to = em.find(Queue.class, event.toQueueId());
        Agent agent = em.find(Agent.class, event.agentId());
        post(audience, RESERVED_PREFIX + "transfer:" + (audience.lastSeq() + 1), SenderRole.SYSTEM, SYSTEM_NAME,
                "Transferred from " + from.name() + " to " + to.name() + " by " + agent.displayName());
    }

    private Posted post(Audience audience, String clientMessageId, SenderRole role, String senderName, String text) {
        return post(earlier(audience, role, clientMessageId), audience, clientMessageId, role, senderName, text);
    }

    /** Stores the message, unless a retry of its {@code clientMessageId} finds it stored earlier. */
    private Posted post(Optional<ChatMessage> earlier, Audience audience, String clientMessageId, SenderRole role,
                        String senderName, String text) {
        if (earlier.isPresent()) {
            return new Posted(ack(earlier.get()), false);
        }
        return store(audience, clientMessageId, role, senderName, text, null);
    }

    private Optional<ChatMessage> earlier(Audience audience, SenderRole role, String clientMessageId) {
        ChatMessage.RetryKey key = new ChatMessage.RetryKey(audience.id(), role, clientMessageId);
        return Optional.ofNullable(earlier(List.of(key)).get(key));
    }

    private static ChatMessage.RetryKey retryKey(SocketPost post, Audience audience) {
        return new ChatMessage.RetryKey(audience.id(), post.byCustomer() ? SenderRole.CUSTOMER : SenderRole.AGENT,
                post.clientMessageId());
    }

    /**
     * The messages already stored under these keys, each looked up on the whole unique key: an
     * audience's other messages are never read. The keys travel as three arrays joined row by row,
     * as in {@link AudienceAccess#lockFree}, for the same reasons: one text and three parameters
     * for any number of keys.
     */
    private Map<ChatMessage.RetryKey, ChatMessage> earlier(List<ChatMessage.RetryKey> retryKeys) {
        Query query = em.createNativeQuery("select m.* from chat_message m"
                        + " join unnest(?1, ?2, ?3) k(audience_id, sender_role, client_message_id)"
                        + " on m.audience_id = k.audience_id and m.sender_role = k.sender_role"
                        + " and m.client_message_id = k.client_message_id", ChatMessage.class)
                .setParameter(1, retryKeys.stream().map(ChatMessage.RetryKey::audienceId).toArray(String[]::new))
                .setParameter(2, retryKeys.stream().map(key -> key.senderRole().name()).toArray(String[]::new))
                .setParameter(3, retryKeys.stream().map(ChatMessage.RetryKey::clientMessageId).toArray(String[]::new));
        // A key asked twice would join its message twice.
        return ((List<?>) query.getResultList()).stream().map(ChatMessage.class::cast)
                .collect(Collectors.toMap(ChatMessage::retryKey, m -> m, (first, again) -> first));
    }

    private Posted store(Audience audience, String clientMessageId, SenderRole role, String senderName, String text,
                         Attachment attachment) {
        ChatMessage message = new ChatMessage(audience.id(), audience.nextSeq(), clientMessageId, role, senderName,
                text, attachment);
        em.persist(message);
        posted.fire(new MessagePosted(audience.id(), audience.queueId(), audience.agentId(), message.toResponse()));
        return new Posted(ack(message), true);
    }

    private List<MessageResponse> since(String audienceId, long since) {
        return em.createQuery("select m from ChatMessage m left join fetch m.attachment"
                        + " where m.audienceId = :audience and m.seq > :since order by m.seq", ChatMessage.class)
                .setParameter("audience", audienceId)
                .setParameter("since", since)
                .setMaxResults(MAX_PAGE)
                .getResultStream()
                .map(ChatMessage::toResponse)
                .toList();
    }

    private Agent agentByToken(String agentToken) {
        String agentId = agents.authenticate(agentToken).map(CallerIdentity::agentId)
                .orElseThrow(() -> new NotAuthenticated("Sign in again"));
        return em.find(Agent.class, agentId);
    }

    private static void validate(String clientMessageId, String text) {
        validateClientMessageId(clientMessageId);
        InvalidInput.requireText("text", text, PostMessageRequest.MAX_TEXT_LENGTH);
    }

    private static void validateClientMessageId(String clientMessageId) {
        InvalidInput.requireText("clientMessageId", clientMessageId, PostMessageRequest.MAX_CLIENT_MESSAGE_ID_LENGTH);
        if (clientMessageId.startsWith(RESERVED_PREFIX)) {
            throw new InvalidInput("clientMessageId may not start with " + RESERVED_PREFIX);
        }
    }

    private static PostMessageResponse ack(ChatMessage message) {
        MessageResponse m = message.toResponse();
        return new PostMessageResponse(m.seq(), m.clientMessageId(), m.sentAt());
    }
}
