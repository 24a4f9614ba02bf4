package org.carequeue.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.AlertSettings;
import org.carequeue.api.agent.InvitationResponse;
import org.carequeue.api.agent.MembersPage;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.AuditTrail;
import org.carequeue.audit.Audited;
import org.carequeue.organization.Organization;
import org.carequeue.organization.OrganizationRole;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Forbidden;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.Tokens;
import org.carequeue.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in, bearer sessions and staff accounts. */
@Stateless
public class Agents {

    private static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Callers callers;

    @Inject
    SignInLockouts lockouts;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Event<AgentSignedOut> signedOut;

    @Inject
    Event<AgentRemoved> removed;

    @Inject
    @ConfigProperty(name = "carequeue.agent.session-hours", defaultValue = "12")
    double sessionHours;

    @Inject
    @ConfigProperty(name = "carequeue.signup.enabled", defaultValue = "false")
    boolean signUpEnabled;

    /** Exchanges a username and password for a bearer token; the same answer for every failure. */
    @PermitAll
    public SessionResponse signIn(String username, String password) {
        Agent agent = verified(username, password);
        auditTrail.record(agent.organizationId(), AuditKind.SIGNED_IN, agent.id(), agent.displayName(), "API");
        String token = Tokens.newToken(Tokens.AGENT_PREFIX);
        OffsetDateTime expiresAt = Clock.now().plus(sessionLength());
        em.persist(new AgentSession(Tokens.hash(token), agent.id(), expiresAt));
        return new SessionResponse(token, Clock.iso(expiresAt));
    }

    /**
     * Checks a username and password for a sign-in form, whose HTTP session then carries the agent
     * id; the same answer for every failure.
     */
    @PermitAll
    public CallerIdentity verifyPassword(String username, String password) {
        Agent agent = verified(username, password);
        auditTrail.record(agent.organizationId(), AuditKind.SIGNED_IN, agent.id(), agent.displayName(), "sign-in page");
        return identity(agent, null);
    }

    /**
     * The agent behind a signed-in HTTP session, read again on every request so that a removal or
     * a role change counts at once. A session lasts as long as an API session however busy it is.
     */
    @PermitAll
    public Optional<CallerIdentity> identity(String agentId, OffsetDateTime signedInAt) {
        OffsetDateTime expiresAt = signedInAt == null ? null : signedInAt.plus(sessionLength());
        Agent agent = agentId == null || expiresAt == null || expiresAt.isBefore(Clock.now()) ? null
                : em.find(Agent.class, agentId);
        return agent == null || agent.isRemoved() ? Optional.empty() : Optional.of(identity(agent, expiresAt));
    }

    /** Hours, fractions allowed (a test waits seconds, not hours). */
    private Duration sessionLength() {
        return Duration.ofSeconds(Math.round(sessionHours * 3600));
    }

    /**
     * The agent whose username and password these are. A locked username (too many failures, see
     * {@link SignInLockouts}) fails as a wrong password does, so the answer never tells an attacker
     * whether the account exists or is locked.
     */
    private Agent verified(String username, String password) {
        InvalidInput.requireText("username", username, Agent.MAX_USERNAME_LENGTH);
        InvalidInput.requireText("password", password, Passwords.MAX_LENGTH);
        Agent agent = byUsername(username).orElse(null);
        boolean matches = passwords.matches(password, agent == null ? null : agent.passwordHash());
        if (lockouts.isLocked(username) || agent == null || !matches || agent.isRemoved()) {
            countFailure(username);
            throw new InvalidCredentials();
        }
        lockouts.succeeded(username);
        return agent;
    }

    private void countFailure(String username) {
        try {
            lockouts.failed(username);
        } catch (EJBException lostInsertRace) {
            // Another attempt at the same username inserted its first row meanwhile; count on that row.
            lockouts.failed(username);
        }
    }

    /**
     * The agent a bearer token stands for, if the token is known and not expired. Every API request
     * comes through here, so the session and its agent are read in one query and without a
     * transaction of their own (which would cost the database a commit per request).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerIdentity> authenticate(String token) {
        if (token == null || !token.startsWith(Tokens.AGENT_PREFIX)) {
            return Optional.empty();
        }
        return em.createQuery("select s, a from AgentSession s, Agent a where s.tokenHash = :hash and a.id = s.agentId",
                        Object[].class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream().findFirst()
                .filter(row -> !((AgentSession) row[0]).isExpired() && !((Agent) row[1]).isRemoved())
                .map(row -> identity((Agent) row[1], ((AgentSession) row[0]).expiresAt()));
    }

    private static CallerIdentity identity(Agent agent, OffsetDateTime expiresAt) {
        return new CallerIdentity(agent.id(), agent.organizationId(), agent.displayName(),
                agent.role().securityRoles(), expiresAt);
    }

    /** Ends the session of this token (signing out of the API). */
    @RolesAllowed(Roles.AGENT)
    public void signOut(String token) {
        AgentSession session = token == null ? null : em.find(AgentSession.class, Tokens.hash(token));
        Agent agent = callers.current();
        if (session != null && session.agentId().equals(agent.id())) {
            auditTrail.record(agent.organizationId(), AuditKind.SIGNED_OUT, agent.id(), agent.displayName(), "API");
            em.remove(session);
            signedOut.fire(new AgentSignedOut(session.agentId(), Tokens.hash(token)));
        }
    }

    /** The agent signs out of the desk; the web tier ends the HTTP session, this records it. */
    @RolesAllowed(Roles.AGENT)
    public void signedOutOfDesk() {
        Agent agent = callers.current();
        auditTrail.record(agent.organizationId(), AuditKind.SIGNED_OUT, agent.id(), agent.displayName(), "desk");
    }

    /** Deletes sessions and invitation links past their expiry; they no longer work anyway. */
    @PermitAll
    public int forgetExpiredSessions() {
        OffsetDateTime now = Clock.now();
        return em.createQuery("delete from AgentSession s where s.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate()
                + em.createQuery("delete from AgentInvitation i where i.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** An operator adds a staff account to their own organization. */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.MEMBER_ADDED)
    public AgentResponse create(String username, String name, String email, String password, String role) {
        Agent operator = callers.currentOperator();
        OrganizationRole organizationRole = role(role);
        requireMayGrant(operator, organizationRole);
        return response(newAgent(operator.organizationId(), username, name, email, checkedPassword(password),
                organizationRole));
    }

    /**
     * An operator adds an agent who chooses their own password through a link (valid
     * {@value AgentInvitation#VALID_DAYS} days); until then nobody can sign in as them.
     */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.MEMBER_INVITED)
    public InvitationResponse invite(String username, String name, String email, String role) {
        Agent operator = callers.currentOperator();
        OrganizationRole organizationRole = role(role);
        requireMayGrant(operator, organizationRole);
        Agent agent = newAgent(operator.organizationId(), username, name, email, null, organizationRole);
        // The invitation refers to the agent by id only, so the agent's row must go in first.
        em.flush();
        String token = Tokens.newToken(Tokens.INVITATION_PREFIX);
        AgentInvitation invitation = new AgentInvitation(Tokens.hash(token), agent.id());
        em.persist(invitation);
        return new InvitationResponse(response(agent), token, Clock.iso(invitation.expiresAt()));
    }

    /** Whom an invitation link is for, while it works: the invitation page greets them. */
    @PermitAll
    public AgentResponse invited(String token) {
        return response(em.find(Agent.class, validInvitation(token).agentId()));
    }

    /**
     * The invited agent chooses their password; the link stops working. Deleting the invitation
     * decides: of two requests with the same link only the one whose delete removed the row goes on.
     */
    @PermitAll
    public AgentResponse acceptInvitation(String token, String password) {
        AgentInvitation invitation = validInvitation(token);
        String passwordHash = passwords.hash(checkedPassword(password));
        int taken = em.createQuery("delete from AgentInvitation i where i.tokenHash = :hash")
                .setParameter("hash", Tokens.hash(token))
                .executeUpdate();
        if (taken != 1) {
            throw invitationGone();
        }
        Agent agent = em.find(Agent.class, invitation.agentId());
        agent.choosePassword(passwordHash);
        return response(agent);
    }

    private AgentInvitation validInvitation(String token) {
        AgentInvitation invitation = token == null || !token.startsWith(Tokens.INVITATION_PREFIX) ? null
                : em.find(AgentInvitation.class, Tokens.hash(token));
        Agent agent = invitation == null ? null : em.find(Agent.class, invitation.agentId());
        if (invitation == null || invitation.isExpired() || agent == null || agent.isRemoved()) {
            throw invitationGone();
        }
        return invitation;
    }

    private static BusinessException invitationGone() {
        return new BusinessException(ErrorCode.NOT_FOUND,
                "This invitation link does not work any more; ask an operator of your organization");
    }

    /**
     * The organization's staff by name, optionally only those whose name, username or e-mail
     * contains {@code filter}: one page of at most {@code pageSize} from {@code first}, and the total.
     */
    @RolesAllowed(Roles.OPERATOR)
    public MembersPage members(String filter, int first, int pageSize) {
        String organizationId = callers.currentOperator().organizationId();
        List<AgentResponse> page = membersQuery("select a", " order by lower(a.displayName), a.username",
                organizationId, filter, Agent.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE)))
                .getResultStream().map(Agents::response).toList();
        long total = membersQuery("select count(a)", "", organizationId, filter, Long.class).getSingleResult();
        return new MembersPage(page, total);
    }

    private <T> TypedQuery<T> membersQuery(String select, String order, String organizationId, String filter,
                                           Class<T> type) {
        String pattern = filter == null || filter.isBlank() ? null
                : "%" + filter.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = " from Agent a where a.organizationId = :org and a.removedAt is null"
                + (pattern == null ? "" : " and (lower(a.displayName) like :p escape '\\'"
                        + " or lower(a.username) like :p escape '\\' or lower(a.email) like :p escape '\\')");
        TypedQuery<T> query = em.createQuery(select + where + order, type)
                .setParameter("org", organizationId);
        return pattern == null ? query : query.setParameter("p", pattern);
    }

    /**
     * Gives or takes operator status (or ownership, which only an owner may hand out). Nobody
     * changes their own role, so an organization never loses its last operator by accident.
     */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.MEMBER_ROLE_CHANGED)
    public AgentResponse changeRole(String agentId, String role) {
        OrganizationRole organizationRole = role(role);
        OperatorAndColleague pair = lockedPair(callers.currentOperator(), agentId);
        Agent operator = pair.operator();
        Agent member = pair.colleague();
        requireMayGrant(operator, organizationRole);
        requireMayGrant(operator, member.role());
        member.changeRole(organizationRole);
        return response(member);
    }

    /**
     * Removes an agent from the organization and (through {@link AgentRemoved}, in this transaction)
     * from all its queues; their sessions end and their sockets close. Past audiences keep the name.
     */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.MEMBER_REMOVED)
    public void remove(String agentId) {
        OperatorAndColleague pair = lockedPair(callers.currentOperator(), agentId);
        Agent operator = pair.operator();
        Agent member = pair.colleague();
        requireMayGrant(operator, member.role());
        member.remove();
        em.createQuery("select s from AgentSession s where s.agentId = :agent", AgentSession.class)
                .setParameter("agent", member.id())
                .getResultStream().forEach(session -> {
                    em.remove(session);
                    signedOut.fire(new AgentSignedOut(member.id(), session.tokenHash()));
                });
        removed.fire(new AgentRemoved(member.id(), member.organizationId()));
    }

    /** The signed-in agent's desk alerts. */
    @RolesAllowed(Roles.AGENT)
    public AlertSettings alerts() {
        Agent agent = callers.current();
        return new AlertSettings(agent.alertSound(), agent.alertDesktop(), agent.alertEmail());
    }

    @RolesAllowed(Roles.AGENT)
    public AlertSettings changeAlerts(boolean sound, boolean desktop, boolean email) {
        callers.current().changeAlerts(sound, desktop, email);
        return new AlertSettings(sound, desktop, email);
    }

    /**
     * The operator and the colleague they act on, both locked (in id order, so two operators acting
     * on each other queue up instead of deadlocking) and checked again under the locks: two
     * operators demoting or removing each other at once cannot leave the organization without one.
     */
    private OperatorAndColleague lockedPair(Agent operator, String agentId) {
        Agent member = colleague(operator, agentId);
        boolean operatorFirst = operator.id().compareTo(member.id()) < 0;
        em.refresh(operatorFirst ? operator : member, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(operatorFirst ? member : operator, LockModeType.PESSIMISTIC_WRITE);
        if (!operator.isOperator() || operator.isRemoved()) {
            throw new Forbidden("Only organization operators may do this");
        }
        return new OperatorAndColleague(operator, colleague(operator, agentId));
    }

    private record OperatorAndColleague(Agent operator, Agent colleague) {
    }

    /** Another member of the operator's organization; the operator themselves is refused. */
    private Agent colleague(Agent operator, String agentId) {
        Agent member = agentId == null ? null : em.find(Agent.class, agentId);
        if (member == null || member.isRemoved() || !member.organizationId().equals(operator.organizationId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such agent in your organization");
        }
        if (member.id().equals(operator.id())) {
            throw new Forbidden("You cannot change your own role or remove yourself; ask another operator");
        }
        return member;
    }

    private static void requireMayGrant(Agent operator, OrganizationRole role) {
        if (role == OrganizationRole.OWNER && operator.role() != OrganizationRole.OWNER) {
            throw new Forbidden("Only an owner may grant, change or remove an owner");
        }
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
        return response(newAgent(organization.id(), username, name, null, checkedPassword(password),
                OrganizationRole.OWNER));
    }

    private static String checkedPassword(String password) {
        InvalidInput.requireText("password", password, Passwords.MAX_LENGTH);
        if (password.length() < Passwords.MIN_LENGTH) {
            throw new InvalidInput("password", "password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        return password;
    }

    /**
     * Creates an account after checking its fields; callers have checked who may do it and the
     * password. Without a password (an invitation) nobody can sign in as the agent yet.
     */
    private Agent newAgent(String organizationId, String username, String name, String email, String password,
                           OrganizationRole role) {
        InvalidInput.requireText("username", username, Agent.MAX_USERNAME_LENGTH);
        if (!username.matches("[a-zA-Z0-9._@-]+")) {
            throw new InvalidInput("username", "username may hold only letters, digits and . _ @ -");
        }
        InvalidInput.requireText("name", name, Agent.MAX_NAME_LENGTH);
        String address = email == null || email.isBlank() ? null
                : InvalidInput.optionalText("email", email.strip(), Agent.MAX_EMAIL_LENGTH);
        if (address != null && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInput("email", "email is not an e-mail address");
        }
        String passwordHash = password == null ? null : passwords.hash(password);
        if (byUsername(username).isPresent()) {
            throw new InvalidInput("username", "username " + username + " is taken");
        }
        Agent agent = new Agent(organizationId, username, name, address, passwordHash, role);
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
            return OrganizationRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("role", "role must be AGENT, OPERATOR or OWNER");
        }
    }

    private static AgentResponse response(Agent agent) {
        return new AgentResponse(agent.id(), agent.organizationId(), agent.username(), agent.displayName(),
                agent.email(), agent.role().securityRoles());
    }
}
