package org.carequeue.contact;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.contact.ContactCommentRequest;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.contact.ContactsPage;
import org.carequeue.api.contact.RegisteredContactsPage;
import org.carequeue.audience.CustomerFacts;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Cursors;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.TimeBounds;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueAccess;
import org.carequeue.queue.QueueLog;
import org.carequeue.queue.QueueLogEntry;
import org.carequeue.security.Roles;

/** Customers register contacts in a queue; its members read them and comment on them. */
@Stateless
public class Contacts {

    private static final int MAX_PAGE = 200;
    /** Enough to catch a typo (no @, no domain), not an attempt at RFC 5322. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Digits with the usual separators and an optional leading +; at least five digits. */
    private static final Pattern PHONE = Pattern.compile("\\+?(?=(?:\\D*\\d){5})[0-9 ()./-]+");

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueLog queueLog;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    @Inject
    Event<ContactRegistered> registered;

    /**
     * A customer (no account) leaves their contact details, in any state of the queue; the queue's
     * activity log says so in the same transaction.
     */
    @PermitAll
    public ContactResponse register(String queueId, ContactRequest request) {
        String name = InvalidInput.requireText("name", request.name(), ContactRequest.MAX_NAME_LENGTH).strip();
        String email = blankToNull(InvalidInput.optionalText("email", request.email(), ContactRequest.MAX_EMAIL_LENGTH));
        String phone = blankToNull(InvalidInput.optionalText("phone", request.phone(), ContactRequest.MAX_PHONE_LENGTH));
        String message = InvalidInput.requireText("message", request.message(), ContactRequest.MAX_MESSAGE_LENGTH);
        String answers = CustomerFacts.toJson("preAnswers", request.preAnswers());
        if (email == null && phone == null) {
            throw new InvalidInput("email", "Give an email address or a phone number, so the queue can reach you");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInput("email", "email is not an email address");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInput("phone", "phone is not a phone number");
        }
        Queue queue = queues.forCustomer(queueId);
        String siteKey = queues.requireOnSite(queue, request.siteKey());
        RegisteredContact contact = new RegisteredContact(queue.organizationId(), queue.id(), name, email, phone,
                message, answers);
        contact.cameThrough(siteKey);
        em.persist(contact);
        queueLog.append(QueueLogEntry.registeredContact(queue.id(), contact.id()));
        registered.fire(new ContactRegistered(contact.id(), queue.id(), queue.organizationId()));
        return view(contact);
    }

    /**
     * Whom to e-mail about a new contact: the members of its queue who asked for it and have an
     * address. Only server code calls this (after the contact's commit); it returns no contact content.
     */
    @PermitAll
    public ContactAnnouncement announcement(String contactId) {
        RegisteredContact contact = em.find(RegisteredContact.class, contactId);
        Queue queue = contact == null ? null : em.find(Queue.class, contact.queueId());
        if (queue == null) {
            return new ContactAnnouncement(null, null, List.of());
        }
        List<String> recipients = queue.memberIds().isEmpty() ? List.of() : em.createQuery("select a from Agent a"
                        + " where a.id in :members and a.removedAt is null", Agent.class)
                .setParameter("members", queue.memberIds())
                .getResultStream()
                .filter(agent -> agent.alertEmail() && agent.email() != null && !agent.email().isBlank())
                .map(Agent::email).sorted().toList();
        return new ContactAnnouncement(queue.id(), queue.name(), recipients);
    }

    /** A queue's contacts, newest first; {@code offset} and {@code limit} page through them. */
    @RolesAllowed(Roles.AGENT)
    public ContactsPage inQueue(String queueId, int offset, int limit) {
        Queue queue = queues.forMember(queueId, callers.current());
        long total = em.createQuery("select count(c) from RegisteredContact c where c.queueId = :queue", Long.class)
                .setParameter("queue", queue.id()).getSingleResult();
        List<ContactResponse> page = em.createQuery("select c from RegisteredContact c where c.queueId = :queue"
                        + " order by c.registeredAt desc, c.id", RegisteredContact.class)
                .setParameter("queue", queue.id())
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultStream().map(this::view).toList();
        return new ContactsPage(page, total);
    }

    /**
     * A page of the organization's contacts, newest first, for operators and keys that read
     * transcripts; optionally of one queue and registered within {@code from} .. {@code to}.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.TRANSCRIPT_READER})
    public RegisteredContactsPage list(String queueId, String from, String to, String cursor, String limitText) {
        int limit = Cursors.limit(limitText);
        List<String> after = Cursors.decode(cursor, 2);
        OffsetDateTime since = TimeBounds.parse("from", from, false);
        OffsetDateTime until = TimeBounds.parse("to", to, true);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidInput("to", "to must be after from");
        }
        OffsetDateTime afterTime = after == null ? null : cursorTime(after.get(0));
        Agent operator = callers.currentOperator();
        String queue = queueId == null || queueId.isBlank() ? null : queues.forOperator(queueId, operator).id();
        TypedQuery<RegisteredContact> query = em.createQuery("select c from RegisteredContact c where c.organizationId = :org"
                        + (queue == null ? "" : " and c.queueId = :queue")
                        + (since == null ? "" : " and c.registeredAt >= :since")
                        + (until == null ? "" : " and c.registeredAt < :until")
                        + (after == null ? "" : " and (c.registeredAt < :at or (c.registeredAt = :at and c.id < :id))")
                        + " order by c.registeredAt desc, c.id desc", RegisteredContact.class)
                .setParameter("org", operator.organizationId())
                .setMaxResults(limit + 1);
        if (queue != null) {
            query.setParameter("queue", queue);
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        if (after != null) {
            query.setParameter("at", afterTime).setParameter("id", after.get(1));
        }
        List<RegisteredContact> rows = query.getResultList();
        List<RegisteredContact> page = rows.subList(0, Math.min(limit, rows.size()));
        RegisteredContact last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rows.size() > limit ? Cursors.encode(Clock.iso(last.registeredAt()), last.id()) : null;
        return new RegisteredContactsPage(page.stream().map(this::view).toList(), next);
    }

    private static OffsetDateTime cursorTime(String iso) {
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException tampered) {
            throw new InvalidInput("cursor", "cursor is not one this list handed out");
        }
    }

    /** One contact, for the members of its queue. */
    @RolesAllowed(Roles.AGENT)
    public ContactResponse contact(String contactId) {
        return view(forMember(contactId, callers.current()));
    }

    /** Replaces the members' comment on a contact; who wrote it and when are kept. */
    @RolesAllowed(Roles.AGENT)
    public ContactResponse comment(String contactId, String comment) {
        Agent agent = callers.current();
        String text = blankToNull(InvalidInput.optionalText("comment", comment, ContactCommentRequest.MAX_COMMENT_LENGTH));
        RegisteredContact contact = forMember(contactId, agent);
        contact.comment(text, agent.id());
        return view(contact);
    }

    /** Another organization's contact does not exist for the caller; one of a queue they are not in is 403. */
    private RegisteredContact forMember(String contactId, Agent agent) {
        RegisteredContact contact = contactId == null ? null : em.find(RegisteredContact.class, contactId);
        if (contact == null || !contact.organizationId().equals(agent.organizationId())) {
            throw new ContactNotFound();
        }
        queues.forMember(contact.queueId(), agent);
        return contact;
    }

    private ContactResponse view(RegisteredContact contact) {
        Agent commenter = contact.commentedBy() == null ? null : em.find(Agent.class, contact.commentedBy());
        return new ContactResponse(contact.id(), contact.queueId(), Clock.iso(contact.registeredAt()), contact.name(),
                contact.email(), contact.phone(), contact.message(), CustomerFacts.fromJson(contact.answers()),
                contact.comment(), contact.commentedBy(), commenter == null ? null : commenter.displayName(),
                contact.commentedAt() == null ? null : Clock.iso(contact.commentedAt()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
