package org.carequeue.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.apikey.ApiKeyRequest;
import org.carequeue.api.apikey.ApiKeyResponse;
import org.carequeue.api.apikey.NewApiKeyResponse;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.Audited;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.Tokens;

/**
 * The organization's API keys: operators create, list and revoke them; the authentication
 * mechanism turns a key into its caller and records every use. A key is never more than the agent
 * it acts as, and never more than its scopes.
 */
@Stateless
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    /** A new key; the answer is the only place the key is ever shown. */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.API_KEY_CREATED)
    public NewApiKeyResponse create(ApiKeyRequest request) {
        Agent operator = callers.currentOperator();
        if (request == null) {
            throw new InvalidInput("The request body is required");
        }
        String name = InvalidInput.requireText("name", request.name(), ApiKeyRequest.MAX_NAME_LENGTH).strip();
        Set<ApiKeyScope> scopes = scopes(request.scopes());
        Agent actingAs = request.agentId() == null || request.agentId().isBlank() ? operator
                : colleague(operator, request.agentId());
        if (!actingAs.isOperator() && scopes.stream().anyMatch(ApiKeyScope::needsOperator)) {
            throw new InvalidInput("agentId", "Reading statistics or transcripts and managing queues need an operator to act as");
        }
        String key = Tokens.newToken(Tokens.API_KEY_PREFIX);
        ApiKey apiKey = new ApiKey(operator.organizationId(), name, key, scopes, actingAs.id(), operator.id());
        em.persist(apiKey);
        LOG.info(() -> "API key " + apiKey.id() + " created by " + operator.id());
        return new NewApiKeyResponse(apiKey.id(), apiKey.name(), key, apiKey.prefix(), names(apiKey.scopes()),
                apiKey.agentId(), Clock.iso(apiKey.createdAt()));
    }

    /** The organization's keys, newest first, each with its last use and how often it was used. */
    @RolesAllowed(Roles.OPERATOR)
    public List<ApiKeyResponse> list() {
        Agent operator = callers.currentOperator();
        List<ApiKey> keys = em.createQuery("select k from ApiKey k where k.organizationId = :org"
                        + " order by k.createdAt desc, k.id", ApiKey.class)
                .setParameter("org", operator.organizationId())
                .getResultList();
        Map<String, Object[]> uses = new HashMap<>();
        em.createQuery("select u.apiKeyId, count(u), max(u.usedAt) from ApiKeyUse u, ApiKey k"
                        + " where u.apiKeyId = k.id and k.organizationId = :org group by u.apiKeyId", Object[].class)
                .setParameter("org", operator.organizationId())
                .getResultStream()
                .forEach(row -> uses.put((String) row[0], row));
        return keys.stream().map(key -> view(key, uses.get(key.id()))).toList();
    }

    /** From now on the key authenticates nothing; revoking it again changes nothing. */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.API_KEY_REVOKED)
    public ApiKeyResponse revoke(String keyId) {
        Agent operator = callers.currentOperator();
        ApiKey key = keyId == null ? null : em.find(ApiKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.organizationId().equals(operator.organizationId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such API key in your organization");
        }
        key.revoke();
        LOG.info(() -> "API key " + key.id() + " revoked by " + operator.id());
        return view(key, null);
    }

    /**
     * The caller a key stands for: the agent it acts as, with its scopes as groups. A known key that
     * no longer works (revoked, or its agent removed) is refused and that refusal is recorded.
     */
    @PermitAll
    public Optional<ApiKeyCaller> authenticate(String key, String method, String path) {
        if (key == null || !key.startsWith(Tokens.API_KEY_PREFIX)) {
            return Optional.empty();
        }
        List<ApiKey> found = em.createQuery("select k from ApiKey k where k.keyHash = :hash", ApiKey.class)
                .setParameter("hash", Tokens.hash(key))
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey apiKey = found.get(0);
        Agent agent = em.find(Agent.class, apiKey.agentId());
        if (apiKey.isRevoked() || agent == null || agent.isRemoved()) {
            em.persist(new ApiKeyUse(apiKey.id(), method, path, ErrorCode.INVALID_API_KEY.status()));
            return Optional.empty();
        }
        Set<String> groups = apiKey.scopes().stream().map(ApiKeyScope::group).collect(Collectors.toSet());
        return Optional.of(new ApiKeyCaller(apiKey.id(), agent.id(), groups));
    }

    /** Appends one use of a key that authenticated, with the status its request got. */
    @PermitAll
    public void recordUse(String keyId, String method, String path, int status) {
        em.persist(new ApiKeyUse(keyId, method, path, status));
    }

    private static Set<ApiKeyScope> scopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInput("scopes", "Choose at least one scope");
        }
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String name : names) {
            try {
                scopes.add(ApiKeyScope.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                throw new InvalidInput("scopes", "Unknown scope " + name + "; the scopes are "
                        + names(EnumSet.allOf(ApiKeyScope.class)));
            }
        }
        return scopes;
    }

    /** Another organization's agent does not exist for the operator. */
    private Agent colleague(Agent operator, String agentId) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent == null || agent.isRemoved() || !agent.organizationId().equals(operator.organizationId())) {
            throw new InvalidInput("agentId", "No such member in your organization");
        }
        return agent;
    }

    private ApiKeyResponse view(ApiKey key, Object[] use) {
        Agent agent = em.find(Agent.class, key.agentId());
        Agent creator = em.find(Agent.class, key.createdBy());
        return new ApiKeyResponse(key.id(), key.name(), key.prefix(), names(key.scopes()), key.agentId(),
                agent == null ? null : agent.displayName(), Clock.iso(key.createdAt()),
                creator == null ? null : creator.displayName(), Clock.iso(key.revokedAt()),
                use == null ? null : Clock.iso((OffsetDateTime) use[2]), use == null ? 0 : (Long) use[1]);
    }

    private static List<String> names(Set<ApiKeyScope> scopes) {
        return scopes.stream().map(Enum::name).toList();
    }
}
