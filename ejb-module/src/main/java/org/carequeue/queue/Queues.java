package org.carequeue.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.security.Roles;

/** Opening and closing queues (members) and setting them up (operators). */
@Stateless
public class Queues {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    @RolesAllowed(Roles.AGENT)
    public QueueResponse open(String queueId) {
        Agent agent = callers.current();
        Queue queue = queues.forMemberToChange(queueId, agent);
        if (queue.open()) {
            em.persist(new QueueLogEntry(queue.id(), QueueLogKind.OPENED, agent.id(), null));
        }
        return queues.view(queue);
    }

    @RolesAllowed(Roles.AGENT)
    public QueueResponse close(String queueId) {
        Agent agent = callers.current();
        Queue queue = queues.forMemberToChange(queueId, agent);
        if (queue.close()) {
            em.persist(new QueueLogEntry(queue.id(), QueueLogKind.CLOSED, agent.id(), null));
        }
        return queues.view(queue);
    }

    /** A new queue starts closed, so nobody waits in it before its members are set up. */
    @RolesAllowed(Roles.OPERATOR)
    public QueueResponse create(String name, Integer capacity) {
        Agent operator = callers.currentOperator();
        Queue queue = new Queue(operator.organizationId(),
                InvalidInput.requireText("name", name, Queue.MAX_NAME_LENGTH), capacity(capacity));
        em.persist(queue);
        return queues.view(queue);
    }

    @RolesAllowed(Roles.OPERATOR)
    public QueueResponse configure(String queueId, String name, Integer capacity, boolean suspended) {
        Queue queue = queues.forOperatorToChange(queueId, callers.currentOperator());
        queue.configure(InvalidInput.requireText("name", name, Queue.MAX_NAME_LENGTH), capacity(capacity), suspended);
        return queues.view(queue);
    }

    @RolesAllowed(Roles.OPERATOR)
    public QueueResponse addMember(String queueId, String agentId) {
        Agent operator = callers.currentOperator();
        Queue queue = queues.forOperatorToChange(queueId, operator);
        Agent member = agentId == null ? null : em.find(Agent.class, agentId);
        if (member == null || !member.organizationId().equals(operator.organizationId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such agent in your organization");
        }
        queue.addMember(member.id());
        return queues.view(queue);
    }

    @RolesAllowed(Roles.OPERATOR)
    public QueueResponse removeMember(String queueId, String agentId) {
        Queue queue = queues.forOperatorToChange(queueId, callers.currentOperator());
        queue.removeMember(agentId);
        return queues.view(queue);
    }

    private static int capacity(Integer capacity) {
        if (capacity == null) {
            return Queue.DEFAULT_CAPACITY;
        }
        if (capacity < 1 || capacity > Queue.MAX_CAPACITY) {
            throw new InvalidInput("capacity must be between 1 and " + Queue.MAX_CAPACITY);
        }
        return capacity;
    }
}
