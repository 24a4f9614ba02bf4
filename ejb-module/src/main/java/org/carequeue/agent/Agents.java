package org.carequeue.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.organization.Organization;
import org.carequeue.organization.OrganizationRole;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Forbidden;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.Tokens;
import org.carequeue.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in, bearer sessions and staff accounts. */
@Stateless
public class Agents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Callers callers;

    @Inject
    Event<AgentSignedOut> signedOut;

    @Inject
    @ConfigProperty(name = "carequeue.agent.session-hours", defaultValue = "12")
    int sessionHours;

    @Inject
    @ConfigProperty(name = "carequeue.signup.enabled", defaultValue = "false")
    boolean signUpEnabled;

    /** Exchanges a username and password for a bearer token; the same answer for every failure. */
    @PermitAll
    public SessionResponse signIn(String username, String password) {
        InvalidInput.requireText("username", username, Agent.MAX_USERNAME_LENGTH);
        InvalidInput.requireText("password", password, Passwords.MAX_LENGTH);
        Agent agent = byUsername(username).orElse(null);
        boolean matches = passwords.matches(password, agent == null ? null : agent.passwordHash());
        if (agent == null || !matches) {
            throw new InvalidCredentials();
        }
        String token = Tokens.newToken(Tokens.AGENT_PREFIX);
        OffsetDateTime expiresAt = Clock.now().plusHours(sessionHours);
        em.persist(new AgentSession(Tokens.hash(token), agent.id(), expiresAt));
        return new SessionResponse(token, Clock.iso(expiresAt));
    }

    /** The agent a bearer token stands for, if the token is known and not expired. */
    @PermitAll
    public Optional<CallerIdentity> authenticate(String token) {
        if (token == null || !token.startsWith(Tokens.AGENT_PREFIX)) {
            return Optional.empty();
        }
        AgentSession session = em.find(AgentSession.class, Tokens.hash(token));
        if (session == null || session.isExpired()) {
            return Optional.empty();
        }
        Agent agent = em.find(Agent.class, session.agentId());
        return Optional.ofNullable(agent).map(a -> new CallerIdentity(a.id(), a.organizationId(), a.displayName(),
                a.role().securityRoles(), session.expiresAt()));
    }

    /** Ends the session of this token (signing out of the API). */
    @RolesAllowed(Roles.AGENT)
    public void signOut(String token) {
        AgentSession session = token == null ? null : em.find(AgentSession.class, Tokens.hash(token));
        if (session != null && session.agentId().equals(callers.current().id())) {
            em.remove(session);
            signedOut.fire(new AgentSignedOut(session.agentId(), Tokens.hash(token)));
        }
    }

    /** Deletes sessions past their expiry; they no longer authenticate anyway. */
    @PermitAll
    public int forgetExpiredSessions() {
        return em.createQuery("delete from AgentSession s where s.expiresAt < :now")
                .setParameter("now", Clock.now())
                .executeUpdate();
    }

    /** An operator adds a staff account to their own organization. */
    @RolesAllowed(Roles.OPERATOR)
    public AgentResponse create(String username, String name, String password, String role) {
        Agent operator = callers.currentOperator();
        OrganizationRole organizationRole = role(role);
        if (organizationRole == OrganizationRole.OWNER && operator.role() != OrganizationRole.OWNER) {
            throw new Forbidden("Only the owner may add another owner");
        }
        return response(newAgent(operator.organizationId(), username, name, password, organizationRole));
    }

    /**
     * Self-service sign-up: a new organization with its owner. Off unless
     * {@code carequeue.signup.enabled} is set, so a production server is not open to strangers.
     */
    @PermitAll
    public AgentResponse signUp(String organizationName, String username, String name, String password) {
        if (!signUpEnabled) {
            throw new Forbidden("Sign-up is switched off on this server");
        }
        InvalidInput.requireText("organizationName", organizationName, Organization.MAX_NAME_LENGTH);
        Organization organization = new Organization(organizationName);
        em.persist(organization);
        // Rows refer to each other by id only, so EclipseLink cannot order the inserts by itself.
        em.flush();
        return response(newAgent(organization.id(), username, name, password, OrganizationRole.OWNER));
    }

    /** Creates an account after checking its fields; callers have checked who may do it. */
    private Agent newAgent(String organizationId, String username, String name, String password, OrganizationRole role) {
        InvalidInput.requireText("username", username, Agent.MAX_USERNAME_LENGTH);
        if (!username.matches("[a-zA-Z0-9._@-]+")) {
            throw new InvalidInput("username may hold only letters, digits and . _ @ -");
        }
        InvalidInput.requireText("name", name, Agent.MAX_NAME_LENGTH);
        InvalidInput.requireText("password", password, Passwords.MAX_LENGTH);
        if (password.length() < Passwords.MIN_LENGTH) {
            throw new InvalidInput("password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (byUsername(username).isPresent()) {
            throw new InvalidInput("username " + username + " is taken");
        }
        Agent agent = new Agent(organizationId, username, name, passwords.hash(password), role);
        em.persist(agent);
        return agent;
    }

    private Optional<Agent> byUsername(String username) {
        return em.createQuery("select a from Agent a where a.username = :username", Agent.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    private static OrganizationRole role(String role) {
        if (role == null || role.isBlank()) {
            return OrganizationRole.AGENT;
        }
        try {
            return OrganizationRole.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("role must be AGENT, OPERATOR or OWNER");
        }
    }

    private static AgentResponse response(Agent agent) {
        return new AgentResponse(agent.id(), agent.organizationId(), agent.username(), agent.displayName(),
                agent.role().securityRoles());
    }
}
