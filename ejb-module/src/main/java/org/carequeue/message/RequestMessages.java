package org.carequeue.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceRequested;

/**
 * The message a customer brought with their request becomes the conversation's first, in the
 * request's transaction (the audience is new, so nobody else can hold its row, and no earlier try
 * of this message can be stored: there is no retry to look up). Only ever reached from inside the
 * request's boundary, so a plain CDI bean: as an observer on the {@link Conversations} EJB, every
 * request cost a new session bean reference, which Payara looks up by throwing and catching an
 * exception, and the container's security and transaction checks (docs/benchmarks.md, twelfth
 * session).
 */
@ApplicationScoped
public class RequestMessages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<MessagePosted> posted;

    void storeRequestMessage(@Observes AudienceRequested event) {
        Audience audience = em.find(Audience.class, event.audienceId());
        if (audience.firstMessage() == null) {
            return;
        }
        ChatMessage message = new ChatMessage(audience.id(), Audience.FIRST_SEQ, Conversations.REQUEST_MESSAGE_ID,
                SenderRole.CUSTOMER, audience.customerName(), audience.firstMessage(), null);
        em.persist(message);
        posted.fire(new MessagePosted(audience.id(), audience.queueId(), audience.agentId(), message.toResponse()));
    }
}
