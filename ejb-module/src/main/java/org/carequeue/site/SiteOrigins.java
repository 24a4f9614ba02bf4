package org.carequeue.site;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Which pages may embed the widget and call the customer side of the API: an origin is allowed
 * for an organization when one of its sites lists it. The web module asks before a cross-origin
 * customer call or chat socket goes further; a call without an Origin (a server) or from this
 * server's own pages does not get here. Only server code calls these (no endpoint exposes them).
 */
@Stateless
public class SiteOrigins {

    @PersistenceContext
    EntityManager em;

    /** Whether a site of the organization allows the origin. */
    @PermitAll
    public boolean allowedFor(String organizationId, String origin) {
        return organizationId != null && em.createQuery("select count(s) from Site s join s.allowedOrigins o"
                        + " where s.organizationId = :org and o = :origin", Long.class)
                .setParameter("org", organizationId)
                .setParameter("origin", origin)
                .getSingleResult() > 0;
    }

    /**
     * Whether a site of the queue's organization allows the origin. An unknown queue passes: the
     * call itself then answers {@code queue_not_found}.
     */
    @PermitAll
    public boolean allowedForQueue(String queueId, String origin) {
        List<String> organization = em.createQuery("select q.organizationId from Queue q where q.id = :id", String.class)
                .setParameter("id", queueId).getResultList();
        return organization.isEmpty() || allowedFor(organization.get(0), origin);
    }

    /** Whether a site of the audience's organization allows the origin; an unknown audience passes (404 follows). */
    @PermitAll
    public boolean allowedForAudience(String audienceId, String origin) {
        List<String> organization = em.createQuery("select a.organizationId from Audience a where a.id = :id",
                        String.class)
                .setParameter("id", audienceId).getResultList();
        return organization.isEmpty() || allowedFor(organization.get(0), origin);
    }

    /** Whether a site of the agent's organization allows the origin (an agent's chat socket). */
    @PermitAll
    public boolean allowedForAgent(String agentId, String origin) {
        List<String> organization = em.createQuery("select a.organizationId from Agent a where a.id = :id", String.class)
                .setParameter("id", agentId).getResultList();
        return !organization.isEmpty() && allowedFor(organization.get(0), origin);
    }

    /** Whether a site of the site's organization allows the origin; an unknown site passes (404 follows). */
    @PermitAll
    public boolean allowedForSite(String siteKey, String origin) {
        Site site = siteKey == null ? null : em.find(Site.class, siteKey);
        return site == null || allowedFor(site.organizationId(), origin);
    }

    /** Whether any site of any organization allows the origin: a chat socket's handshake, before it says whose it is. */
    @PermitAll
    public boolean allowedAnywhere(String origin) {
        return em.createQuery("select count(s) from Site s join s.allowedOrigins o where o = :origin", Long.class)
                .setParameter("origin", origin)
                .getSingleResult() > 0;
    }

    /** The origins that may frame the site's widget page; none for an unknown site. */
    @PermitAll
    public List<String> frameAncestors(String siteKey) {
        Site site = siteKey == null ? null : em.find(Site.class, siteKey);
        return site == null ? List.of() : site.allowedOrigins().stream().sorted().toList();
    }
}
