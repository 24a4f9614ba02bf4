package org.carequeue.site;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.site.FieldOption;
import org.carequeue.api.site.QuestionnaireField;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteOption;
import org.carequeue.api.site.SiteQuestion;
import org.carequeue.api.site.SiteTexts;
import org.carequeue.api.site.SiteView;
import org.carequeue.audience.WaitingLines;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.Audited;
import org.carequeue.platform.InvalidInput;
import org.carequeue.security.Roles;

/**
 * Site configurations: customers read a site by its key to show the widget; operators of its
 * organization (and keys that manage queues) list, create, replace and delete them.
 */
@Stateless
public class Sites {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    WaitingLines lines;

    /**
     * The widget's view of a site in one language: {@code language} when the site supports it
     * (null or another: the site's default), each text and label falling back to the default
     * language where it has no translation.
     */
    @PermitAll
    public SiteView view(String siteKey, String language) {
        Site site = siteKey == null ? null : em.find(Site.class, siteKey);
        if (site == null) {
            throw new SiteNotFound();
        }
        String shown = language != null && SiteConfiguration.LANGUAGES.contains(language)
                ? language : site.defaultLanguage();
        String fallback = site.defaultLanguage();
        Map<String, SiteTexts> texts = site.texts();
        SiteTexts in = texts.getOrDefault(shown, new SiteTexts(null, null, null, null));
        SiteTexts standard = texts.getOrDefault(fallback, new SiteTexts(null, null, null, null));
        SiteTexts resolved = new SiteTexts(either(in.welcome(), standard.welcome()), either(in.motd(), standard.motd()),
                either(in.closed(), standard.closed()), either(in.queueing(), standard.queueing()));
        Map<String, PublicQueueResponse> queues = lines.publicQueues(site.organizationId()).stream()
                .collect(Collectors.toMap(PublicQueueResponse::id, Function.identity()));
        List<PublicQueueResponse> offered = site.queueIds().stream().map(queues::get).filter(Objects::nonNull).toList();
        String autoQueue = site.autoQueueId() != null && queues.containsKey(site.autoQueueId()) ? site.autoQueueId() : null;
        return new SiteView(site.siteKey(), site.organizationId(), shown, SiteConfiguration.LANGUAGES, resolved,
                questions(site.preQuestionnaire(), shown, fallback), questions(site.postQuestionnaire(), shown, fallback),
                offered, autoQueue, site.rating(), site.attachments(), site.video());
    }

    private static List<SiteQuestion> questions(List<QuestionnaireField> fields, String language, String fallback) {
        return fields.stream().map(f -> new SiteQuestion(f.name(), label(f.label(), language, fallback), f.type(),
                f.required(), f.options().stream()
                        .map((FieldOption o) -> new SiteOption(o.value(), label(o.label(), language, fallback)))
                        .toList())).toList();
    }

    private static String label(Map<String, String> labels, String language, String fallback) {
        return either(labels.get(language), labels.get(fallback));
    }

    private static String either(String translated, String standard) {
        return translated != null ? translated : standard;
    }

    /** The organization's sites, by name. */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    public List<SiteConfiguration> list() {
        return em.createQuery("select s from Site s where s.organizationId = :org order by lower(s.name), s.siteKey",
                        Site.class)
                .setParameter("org", callers.currentOperator().organizationId())
                .getResultStream().map(Site::configuration).toList();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    public SiteConfiguration configuration(String siteKey) {
        return forOperator(siteKey, callers.currentOperator()).configuration();
    }

    /** A new site with a random key; its configuration is checked as {@link #replace} checks it. */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.SITE_CREATED)
    public SiteConfiguration create(SiteConfiguration configuration) {
        Agent operator = callers.currentOperator();
        Site site = new Site(operator.organizationId());
        configure(site, configuration);
        em.persist(site);
        return site.configuration();
    }

    /** Replaces a site's whole configuration; a refused field changes nothing. */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.SITE_CHANGED)
    public SiteConfiguration replace(String siteKey, SiteConfiguration configuration) {
        Site site = forOperator(siteKey, callers.currentOperator());
        configure(site, configuration);
        return site.configuration();
    }

    /**
     * Deletes a site: its snippet stops working at once. Conversations and contacts that came
     * through it keep its key.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.SITE_DELETED)
    public void delete(String siteKey) {
        em.remove(forOperator(siteKey, callers.currentOperator()));
    }

    private void configure(Site site, SiteConfiguration configuration) {
        if (configuration == null) {
            throw new InvalidInput("A site configuration is required");
        }
        Set<String> live = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        em.createQuery("select q.id, q.deletedAt from Queue q where q.organizationId = :org", Object[].class)
                .setParameter("org", site.organizationId())
                .getResultStream()
                .forEach(row -> ((OffsetDateTime) row[1] == null ? live : deleted).add((String) row[0]));
        List<String> queues = site.configure(configuration, live, deleted);
        if (!queues.equals(site.queueIds())) {
            // JPA rewrites a changed list row by row and may move a queue to a position whose old
            // row is not gone yet, which the key (site_key, position) refuses: the old rows go first.
            site.withdrawQueues();
            em.flush();
            site.offer(queues);
        }
    }

    /** Another organization's site does not exist for the caller. */
    private Site forOperator(String siteKey, Agent operator) {
        Site site = siteKey == null ? null : em.find(Site.class, siteKey);
        if (site == null || !site.organizationId().equals(operator.organizationId())) {
            throw new SiteNotFound();
        }
        return site;
    }
}
