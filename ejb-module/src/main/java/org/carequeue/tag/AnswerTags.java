package org.carequeue.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceRequested;

/**
 * Tags a new request from its pre-questionnaire answers, in the request's own transaction. Only
 * ever reached from inside the request's boundary, so a plain CDI bean: as an observer on the
 * {@link Tags} EJB, every request cost a new session bean reference, which Payara looks up by
 * throwing and catching an exception, and the container's security and transaction checks
 * (docs/benchmarks.md, twelfth session).
 */
@ApplicationScoped
public class AnswerTags {

    @PersistenceContext
    EntityManager em;

    void tagFromAnswers(@Observes AudienceRequested requested) {
        Audience audience = em.find(Audience.class, requested.audienceId());
        Map<String, String> answers = audience == null ? Map.of() : audience.preAnswers();
        if (answers.isEmpty()) {
            return;
        }
        // A request that arrives again (a transfer, say) keeps the tags it has.
        Set<String> carried = carried(em, audience.id());
        em.createQuery("select r from TagRule r where r.organizationId = :org"
                        + " and (r.queueId is null or r.queueId = :queue)", TagRule.class)
                .setParameter("org", requested.organizationId())
                .setParameter("queue", requested.queueId())
                .getResultStream()
                .filter(rule -> rule.matches(answers))
                .map(TagRule::tagId)
                .distinct()
                .filter(tagId -> !carried.contains(tagId))
                .forEach(tagId -> em.persist(new AudienceTag(audience.id(), tagId, null)));
    }

    /** The ids of the tags an audience carries. */
    static Set<String> carried(EntityManager em, String audienceId) {
        return em.createQuery("select a.tagId from AudienceTag a where a.audienceId = :audience", String.class)
                .setParameter("audience", audienceId)
                .getResultStream().collect(Collectors.toSet());
    }
}
