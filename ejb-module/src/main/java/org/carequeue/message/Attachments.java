package org.carequeue.message;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceAccess;
import org.carequeue.audience.AudienceNotFound;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueAccess;
import org.carequeue.security.Roles;

/**
 * Reading the files of an audience: its customer (with their token), the agent holding it, the
 * members of its queue (who may take it over, and who read its history) and the operators of its
 * organization (who read every transcript; each of their reads is audited), all of its own
 * organization. Anyone else learns nothing (404), or, an agent of the organization who is not a
 * member, is refused (403).
 */
@Stateless
public class Attachments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AudienceAccess audiences;

    @Inject
    QueueAccess queues;

    @Inject
    Event<AttachmentReadByOperator> readByOperator;

    @PermitAll
    public Download forCustomer(String audienceId, String customerToken, String attachmentId, boolean thumbnail) {
        return read(audiences.forCustomer(audienceId, customerToken), attachmentId, thumbnail);
    }

    @RolesAllowed(Roles.AGENT)
    public Download forAgent(String audienceId, String attachmentId, boolean thumbnail) {
        Agent agent = callers.current();
        Audience audience = audienceId == null ? null : em.find(Audience.class, audienceId);
        if (audience == null || !audience.organizationId().equals(agent.organizationId())) {
            throw new AudienceNotFound();
        }
        boolean ownRight = agent.id().equals(audience.agentId())
                || em.find(Queue.class, audience.queueId()).hasMember(agent.id());
        if (!ownRight && !callers.hasOperatorRights(agent)) {
            queues.forMember(audience.queueId(), agent);
        }
        Download download = read(audience, attachmentId, thumbnail);
        if (!ownRight) {
            readByOperator.fire(new AttachmentReadByOperator(audience.id(), attachmentId, agent.id()));
        }
        return download;
    }

    private Download read(Audience audience, String attachmentId, boolean thumbnail) {
        Attachment attachment = attachmentId == null ? null : em.find(Attachment.class, attachmentId);
        if (attachment == null || !attachment.audienceId().equals(audience.id())
                || thumbnail && !attachment.hasThumbnail()) {
            throw new AttachmentNotFound();
        }
        byte[] bytes = em.createQuery("select c." + (thumbnail ? "thumbnail" : "content")
                        + " from AttachmentContent c where c.attachmentId = :id", byte[].class)
                .setParameter("id", attachment.id())
                .getSingleResult();
        return thumbnail
                ? new Download(attachment.fileName() + ".png", "image/png", true, bytes)
                : new Download(attachment.fileName(), attachment.contentType(),
                        attachment.contentType().startsWith("image/"), bytes);
    }
}
