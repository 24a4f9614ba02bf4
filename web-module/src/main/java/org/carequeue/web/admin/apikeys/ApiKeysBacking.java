package org.carequeue.web.admin.apikeys;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.apikey.ApiKeyRequest;
import org.carequeue.api.apikey.ApiKeyResponse;
import org.carequeue.api.apikey.NewApiKeyResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.security.ApiKeys;
import org.carequeue.web.faces.Feedback;
import org.carequeue.web.faces.Times;

/**
 * The organization's API keys: an operator creates one (the key is shown in a dialog, once, and
 * not kept by this page after it closes), sees each key's use and revokes keys.
 */
@Named
@ViewScoped
public class ApiKeysBacking implements Serializable {

    /** Enough for the "acts as" choice of any organization this admin serves. */
    private static final int MAX_AGENT_CHOICES = 500;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Agents agents;

    private String name;
    private List<String> scopes = new ArrayList<>();
    private String agentId;
    private transient List<ApiKeyResponse> all;
    private transient List<AgentResponse> agentChoices;
    /** The key just created, until its dialog is closed. */
    private NewApiKeyResponse created;

    public void create() {
        try {
            created = apiKeys.create(new ApiKeyRequest(name, scopes, agentId));
            all = null;
            name = null;
            scopes = new ArrayList<>();
            agentId = null;
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, "createForm");
        }
    }

    /** The key's dialog closed: it is forgotten. */
    public void forgetKey() {
        created = null;
    }

    public void revoke(ApiKeyResponse key) {
        try {
            apiKeys.revoke(key.keyId());
            all = null;
            Feedback.info("API key " + key.name() + " is revoked; requests with it get 401 from now on.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** READ_STATISTICS, ACT_AS_AGENT as "read statistics, act as agent". */
    public String scopeNames(ApiKeyResponse key) {
        return key.scopes().stream().map(scope -> scope.toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    public String when(String iso) {
        return iso == null ? "never" : Times.of(iso);
    }

    public List<ApiKeyResponse> getAll() {
        if (all == null) {
            all = apiKeys.list();
        }
        return all;
    }

    public List<AgentResponse> getAgentChoices() {
        if (agentChoices == null) {
            agentChoices = agents.members(null, 0, MAX_AGENT_CHOICES).members();
        }
        return agentChoices;
    }

    public NewApiKeyResponse getCreated() {
        return created;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }
}
