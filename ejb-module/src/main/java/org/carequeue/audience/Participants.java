package org.carequeue.audience;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Agents;
import org.carequeue.agent.CallerIdentity;
import org.carequeue.agent.Callers;
import org.carequeue.platform.NotAuthenticated;
import org.carequeue.queue.Queue;
import org.carequeue.security.Roles;

/**
 * Who may send the signals that are not stored (typing, video call signalling) in an audience:
 * only its two participants, and only while it is live (ACCEPTED). Reads only: a signal changes
 * nothing in the database, so it needs no lock and leaves no trace. Access is checked before the
 * state, so a stranger learns nothing about an audience that is not theirs.
 */
@Stateless
public class Participants {

    @PersistenceContext
    EntityManager em;

    @Inject
    AudienceAccess audiences;

    @Inject
    Agents agents;

    @Inject
    Callers callers;

    /** The customer of the audience their token opens; another audience's id is not found. */
    @PermitAll
    public Participant customer(String customerToken, String audienceId) {
        Audience audience = audiences.forCustomer(audienceId, customerToken);
        return participant(requireLive(audience), Participant.CUSTOMER, audience.customerName());
    }

    /** The agent of a chat socket, by its bearer token, in an audience they hold. */
    @PermitAll
    public Participant agentWithToken(String agentToken, String audienceId) {
        String agentId = agents.authenticate(agentToken).map(CallerIdentity::agentId)
                .orElseThrow(() -> new NotAuthenticated("Sign in again"));
        return holder(em.find(Agent.class, agentId), audienceId);
    }

    /**
     * The agent of a desk socket, in an audience they hold. Only server code calls this, with the
     * id of the caller the container authenticated for that socket.
     */
    @PermitAll
    public Participant agent(String agentId, String audienceId) {
        Agent agent = agentId == null ? null : em.find(Agent.class, agentId);
        if (agent == null) {
            throw new NotAuthenticated("Sign in again");
        }
        return holder(agent, audienceId);
    }

    /** The signed-in agent in a live audience they hold, for the desk page; empty once it is not live. */
    @RolesAllowed(Roles.AGENT)
    public Optional<Participant> currentAgent(String audienceId) {
        Agent agent = callers.current();
        Audience audience = audiences.forReader(audienceId, agent);
        if (audience.state() != AudienceState.ACCEPTED || !agent.id().equals(audience.agentId())) {
            return Optional.empty();
        }
        return Optional.of(participant(audience, Participant.AGENT, agent.displayName()));
    }

    private Participant holder(Agent agent, String audienceId) {
        Audience audience = audienceId == null ? null : em.find(Audience.class, audienceId);
        if (audience == null || !audience.organizationId().equals(agent.organizationId())) {
            throw new AudienceNotFound();
        }
        audience.requireHeldBy(agent.id());
        return participant(requireLive(audience), Participant.AGENT, agent.displayName());
    }

    private static Audience requireLive(Audience audience) {
        if (audience.state() != AudienceState.ACCEPTED) {
            throw new AudienceNotLive();
        }
        return audience;
    }

    private Participant participant(Audience audience, String role, String name) {
        Queue queue = em.find(Queue.class, audience.queueId());
        return new Participant(audience.id(), role, name, audience.agentId(), queue.video(), queue.allowsScreenShare());
    }
}
