package org.carequeue.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Passwords;
import org.carequeue.organization.Organization;
import org.carequeue.organization.OrganizationRole;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueLogEntry;
import org.carequeue.queue.QueueLogKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode ({@code carequeue.demo=true}, what the README's run command sets) an empty database
 * gets a demo organization to click through: queues Support (open) and Billing (closed), the
 * operator olivia and the agents alice and bob, each with the password {@code demo}. Safe when
 * several nodes start on the same empty database at once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoOrganization {

    static final String PASSWORD = "demo";
    private static final Logger LOG = Logger.getLogger(DemoOrganization.class.getName());

    @PersistenceContext
    EntityManager em;

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
        em.persist(new QueueLogEntry(support.id(), QueueLogKind.OPENED, null, null));
        LOG.info(() -> "Created the demo organization; operator " + olivia.username());
    }

    private Agent agent(Organization organization, String username, String name, OrganizationRole role) {
        Agent agent = new Agent(organization.id(), username, name, username + "@example.com", passwords.hash(PASSWORD), role);
        em.persist(agent);
        return agent;
    }
}
