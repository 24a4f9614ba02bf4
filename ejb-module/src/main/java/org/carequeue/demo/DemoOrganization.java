package org.carequeue.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Passwords;
import org.carequeue.api.site.FieldOption;
import org.carequeue.api.site.QuestionnaireField;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteTexts;
import org.carequeue.organization.Organization;
import org.carequeue.organization.OrganizationRole;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueLog;
import org.carequeue.queue.QueueLogEntry;
import org.carequeue.queue.QueueLogKind;
import org.carequeue.site.Site;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode ({@code carequeue.demo=true}, what the README's run command sets) an empty database
 * gets a demo organization to click through: queues Support (open) and Billing (closed), the
 * operator olivia and the agents alice and bob, each with the password {@code demo}, and the site
 * {@code demo} that the demo page embeds. Safe when
 * several nodes start on the same empty database at once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoOrganization {

    static final String PASSWORD = "demo";
    /** The demo page's site key. */
    static final String DEMO_SITE = "demo";
    private static final Logger LOG = Logger.getLogger(DemoOrganization.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueLog queueLog;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "carequeue.demo", defaultValue = "false")
    boolean demo;

    @PostConstruct
    void createWhenEmpty() {
        if (!demo) {
            return;
        }
        // Nodes starting together on an empty database take turns here, so only one creates it: the
        // row lock is the point of this query, its result is not needed.
        em.createNativeQuery("select name from cluster_lock where name = 'demo-organization' for update")
                .getSingleResult();
        if (em.createQuery("select count(o) from Organization o", Long.class).getSingleResult() == 0) {
            create();
        }
        Organization organization = em.createQuery("select o from Organization o order by o.createdAt",
                Organization.class).setMaxResults(1).getSingleResult();
        // Also for a demo database made before sites existed, so the demo page works there too.
        if (em.find(Site.class, DEMO_SITE) == null) {
            createSite(organization);
        }
        LOG.info(() -> "Demo organization \"" + organization.name() + "\" (id " + organization.id()
                + "): sign in as olivia (operator), alice or bob (agents), password \"" + PASSWORD + "\"");
    }

    private void create() {
        Organization organization = new Organization("Demo Care");
        em.persist(organization);
        // Rows refer to each other by id only, so EclipseLink cannot order the inserts by itself.
        em.flush();
        Agent olivia = agent(organization, "olivia", "Olivia Operator", OrganizationRole.OWNER);
        Agent alice = agent(organization, "alice", "Alice Agent", OrganizationRole.AGENT);
        Agent bob = agent(organization, "bob", "Bob Agent", OrganizationRole.AGENT);
        Queue support = Queue.seeded(organization.id(), "Support", true, List.of(alice.id(), bob.id()));
        Queue billing = Queue.seeded(organization.id(), "Billing", false, List.of(alice.id(), bob.id()));
        em.flush();
        em.persist(support);
        em.persist(billing);
        queueLog.append(new QueueLogEntry(support.id(), QueueLogKind.OPENED, null, null));
        LOG.info(() -> "Created the demo organization; operator " + olivia.username());
    }

    /**
     * The site the demo page embeds (key {@code demo}): texts in Finnish, English and Swedish, a
     * short questionnaire before and after, the queues Support and Billing, for pages served from
     * this machine's port 8080.
     */
    private void createSite(Organization organization) {
        List<Queue> queues = em.createQuery("select q from Queue q where q.organizationId = :org"
                        + " and q.deletedAt is null and q.name in ('Support', 'Billing') order by q.name desc", Queue.class)
                .setParameter("org", organization.id())
                .getResultList();
        List<String> queueIds = queues.stream().map(Queue::id).toList();
        Map<String, SiteTexts> texts = Map.of(
                "fi", new SiteTexts("Hei! Miten voimme auttaa?", "Vastaamme yleensä muutamassa minuutissa.",
                        "Olemme nyt kiinni. Jätä yhteystietosi, niin otamme yhteyttä.",
                        "Olet jonossa. Asiakaspalvelija on pian kanssasi."),
                "en", new SiteTexts("Hi! How can we help?", "We usually answer within a few minutes.",
                        "We are closed now. Leave your contact details and we will get back to you.",
                        "You are in the queue. An agent will be with you soon."),
                "sv", new SiteTexts("Hej! Hur kan vi hjälpa dig?", "Vi svarar oftast inom några minuter.",
                        "Vi har stängt nu. Lämna dina kontaktuppgifter så hör vi av oss.",
                        "Du står i kö. En kundtjänstmedarbetare är snart hos dig."));
        List<QuestionnaireField> before = List.of(
                new QuestionnaireField("name", Map.of("fi", "Nimesi", "en", "Your name", "sv", "Ditt namn"),
                        QuestionnaireField.TEXT, true, List.of()),
                new QuestionnaireField("topic", Map.of("fi", "Aihe", "en", "Topic", "sv", "Ämne"),
                        QuestionnaireField.SELECT, true, List.of(
                                new FieldOption("order", Map.of("fi", "Tilaus", "en", "An order", "sv", "En beställning")),
                                new FieldOption("invoice", Map.of("fi", "Lasku", "en", "An invoice", "sv", "En faktura")),
                                new FieldOption("other", Map.of("fi", "Muu asia", "en", "Something else", "sv", "Något annat")))));
        List<QuestionnaireField> after = List.of(
                new QuestionnaireField("anythingElse", Map.of("fi", "Haluatko sanoa vielä jotain?",
                        "en", "Anything else?", "sv", "Något mer?"), QuestionnaireField.TEXTAREA, false, List.of()));
        SiteConfiguration configuration = new SiteConfiguration(null, null, "Demo page", "en", texts, before, after,
                queueIds, null, true, true, false, List.of("http://localhost:8080", "http://127.0.0.1:8080"));
        em.persist(Site.seeded(organization.id(), DEMO_SITE, configuration, Set.copyOf(queueIds)));
        LOG.info(() -> "Created the demo site \"" + DEMO_SITE + "\" for the demo page");
    }

    private Agent agent(Organization organization, String username, String name, OrganizationRole role) {
        Agent agent = new Agent(organization.id(), username, name, username + "@example.com", passwords.hash(PASSWORD), role);
        em.persist(agent);
        return agent;
    }
}
