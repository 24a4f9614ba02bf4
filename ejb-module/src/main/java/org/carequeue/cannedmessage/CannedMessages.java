package org.carequeue.cannedmessage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.platform.AlreadyTaken;
import org.carequeue.platform.Forbidden;
import org.carequeue.platform.InvalidInput;
import org.carequeue.security.Roles;

/**
 * Canned messages: every agent manages their personal ones; operators manage the organization's.
 * Each agent reads their own and their organization's, never another agent's.
 */
@Stateless
public class CannedMessages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    /** What the composer offers: the caller's personal messages, then the organization's, by keyword. */
    @RolesAllowed(Roles.AGENT)
    public List<CannedMessageResponse> available() {
        Agent agent = callers.current();
        return em.createQuery("select c from CannedMessage c where c.organizationId = :org"
                        + " and (c.agentId = :agent or c.agentId is null) order by c.keyword", CannedMessage.class)
                .setParameter("org", agent.organizationId())
                .setParameter("agent", agent.id())
                .getResultStream()
                .sorted(Comparator.comparing(CannedMessage::isPersonal).reversed())
                .map(CannedMessage::view).toList();
    }

    /** The caller's personal canned messages, by keyword. */
    @RolesAllowed(Roles.AGENT)
    public List<CannedMessageResponse> personal() {
        return em.createQuery("select c from CannedMessage c where c.agentId = :agent order by c.keyword",
                        CannedMessage.class)
                .setParameter("agent", callers.current().id())
                .getResultStream().map(CannedMessage::view).toList();
    }

    /** The organization's canned messages, by keyword. */
    @RolesAllowed(Roles.AGENT)
    public List<CannedMessageResponse> organizationWide() {
        return em.createQuery("select c from CannedMessage c where c.organizationId = :org and c.agentId is null"
                        + " order by c.keyword", CannedMessage.class)
                .setParameter("org", callers.current().organizationId())
                .getResultStream().map(CannedMessage::view).toList();
    }

    /** Creates a personal message, or (operators) an organization-wide one. */
    @RolesAllowed(Roles.AGENT)
    public CannedMessageResponse create(String scope, String keyword, String message) {
        Agent agent = callers.current();
        CannedMessage created = organizationScope(scope)
                ? CannedMessage.organizationWide(requireOperator(agent).organizationId(), keyword, message)
                : CannedMessage.personal(agent.organizationId(), agent.id(), keyword, message);
        requireFreeKeyword(created.ownerId(), created.keyword(), null);
        em.persist(created);
        return created.view();
    }

    @RolesAllowed(Roles.AGENT)
    public CannedMessageResponse change(String cannedMessageId, String keyword, String message) {
        CannedMessage canned = forChange(cannedMessageId, callers.current());
        canned.change(keyword, message);
        requireFreeKeyword(canned.ownerId(), canned.keyword(), canned.id());
        return canned.view();
    }

    @RolesAllowed(Roles.AGENT)
    public void delete(String cannedMessageId) {
        em.remove(forChange(cannedMessageId, callers.current()));
    }

    /** One's own personal messages; an organization's only for its operators. */
    private CannedMessage forChange(String cannedMessageId, Agent agent) {
        CannedMessage canned = cannedMessageId == null ? null : em.find(CannedMessage.class, cannedMessageId);
        if (canned == null || !canned.organizationId().equals(agent.organizationId())
                || canned.isPersonal() && !canned.agentId().equals(agent.id())) {
            throw new CannedMessageNotFound();
        }
        if (!canned.isPersonal()) {
            requireOperator(agent);
        }
        return canned;
    }

    private void requireFreeKeyword(String ownerId, String keyword, String exceptId) {
        boolean taken = em.createQuery("select count(c) from CannedMessage c where c.ownerId = :owner"
                        + " and c.keyword = :keyword and c.id <> :except", Long.class)
                .setParameter("owner", ownerId)
                .setParameter("keyword", keyword)
                .setParameter("except", exceptId == null ? "" : exceptId)
                // The changed row is not flushed first: its unique key would fail before this answers.
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult() > 0;
        if (taken) {
            throw new AlreadyTaken("keyword", "keyword /" + keyword + " is already used");
        }
    }

    private static boolean organizationScope(String scope) {
        if (scope == null || CannedMessageResponse.PERSONAL.equals(scope)) {
            return false;
        }
        if (CannedMessageResponse.ORGANIZATION.equals(scope)) {
            return true;
        }
        throw new InvalidInput("scope", "scope is personal or organization");
    }

    private Agent requireOperator(Agent agent) {
        if (!callers.hasOperatorRights(agent)) {
            throw new Forbidden("Only organization operators manage the organization's canned messages");
        }
        return agent;
    }
}
