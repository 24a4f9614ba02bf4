package org.carequeue.queue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carequeue.agent.Agent;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.agent.Callers;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.queue.QueueMembersResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.queue.QueuesPage;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.Audited;
import org.carequeue.metadata.MetadataCollection;
import org.carequeue.metadata.SecureMetadataPolicy;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Cursors;
import org.carequeue.platform.InvalidInput;
import org.carequeue.schedule.QueueSchedule;
import org.carequeue.schedule.ScheduleOverview;
import org.carequeue.security.Roles;

/** Opening and closing queues (members) and setting them up (operators). */
@Stateless
public class Queues {

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueLog queueLog;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    @Inject
    Event<QueueChanged> changed;

    @Inject
    Event<QueueOpenedOrClosed> openedOrClosed;

    @RolesAllowed({Roles.AGENT, Roles.QUEUE_MANAGER})
    public QueueResponse open(String queueId) {
        Agent agent = callers.current();
        Queue queue = queues.forMemberOrOperatorToChange(queueId, agent);
        queue.changedByHand();
        if (queue.open()) {
            queueLog.append(new QueueLogEntry(queue.id(), QueueLogKind.OPENED, agent.id(), null));
            openedOrClosed(queue, agent.id());
            changed(queue);
        }
        return queues.view(queue);
    }

    @RolesAllowed({Roles.AGENT, Roles.QUEUE_MANAGER})
    public QueueResponse close(String queueId) {
        Agent agent = callers.current();
        Queue queue = queues.forMemberOrOperatorToChange(queueId, agent);
        queue.changedByHand();
        if (queue.close()) {
            queueLog.append(new QueueLogEntry(queue.id(), QueueLogKind.CLOSED, agent.id(), null));
            openedOrClosed(queue, agent.id());
            changed(queue);
        }
        return queues.view(queue);
    }

    /** A new queue starts closed, so nobody waits in it before its members are set up. */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_CREATED)
    public QueueResponse create(String name, Integer capacity) {
        Agent operator = callers.currentOperator();
        Queue queue = new Queue(operator.organizationId(),
                InvalidInput.requireText("name", name, Queue.MAX_NAME_LENGTH), capacity(capacity));
        em.persist(queue);
        changed(queue);
        return queues.view(queue);
    }

    /** Replaces the settings; see {@link QueueSettingsRequest} for which nulls keep a value. */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_SETTINGS_CHANGED)
    public QueueResponse configure(String queueId, QueueSettingsRequest settings) {
        AttachmentRule attachments = AttachmentRule.parse(settings.attachments());
        VideoCalls calls = settings.video() == null ? null : VideoCalls.parse("video", settings.video());
        Agent operator = callers.currentOperator();
        Queue queue = queues.forOperatorToChange(queueId, operator);
        queue.configure(InvalidInput.requireText("name", settings.name(), Queue.MAX_NAME_LENGTH),
                capacity(settings.capacity()), Boolean.TRUE.equals(settings.suspended()));
        queue.allowAttachments(attachments);
        queue.configureCalls(calls, settings.screenShare());
        if (settings.transferQueueIds() != null) {
            queue.changeTransferTargets(transferTargets(operator, queue, settings.transferQueueIds()));
        }
        queue.configureMetadata(setting("metadataCollection", settings.metadataCollection(), MetadataCollection.class),
                setting("secureMetadata", settings.secureMetadata(), SecureMetadataPolicy.class));
        queue.keepTranscripts(settings.transcriptRetentionDays());
        changed(queue);
        return queues.view(queue);
    }

    /** One of the enum's names, or null (keep the current value). */
    private static <E extends Enum<E>> E setting(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_MEMBERS_CHANGED)
    public QueueResponse addMember(String queueId, String agentId) {
        Agent operator = callers.currentOperator();
        Queue queue = queues.forOperatorToChange(queueId, operator);
        queue.addMember(colleague(operator, agentId).id());
        changed(queue);
        return queues.view(queue);
    }

    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_MEMBERS_CHANGED)
    public QueueResponse removeMember(String queueId, String agentId) {
        Queue queue = queues.forOperatorToChange(queueId, callers.currentOperator());
        queue.removeMember(agentId);
        changed(queue, agentId == null ? Set.of() : Set.of(agentId));
        return queues.view(queue);
    }

    /**
     * Adds and removes members in one go (the admin's checkbox list). Only the differences are sent,
     * so two operators editing the same queue do not undo each other's changes.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_MEMBERS_CHANGED)
    public QueueMembersResponse changeMembers(String queueId, Collection<String> added, Collection<String> removed) {
        Agent operator = callers.currentOperator();
        Queue queue = queues.forOperatorToChange(queueId, operator);
        for (String agentId : added == null ? List.<String>of() : added) {
            queue.addMember(colleague(operator, agentId).id());
        }
        Set<String> left = new HashSet<>();
        for (String agentId : removed == null ? List.<String>of() : removed) {
            if (queue.hasMember(agentId)) {
                queue.removeMember(agentId);
                left.add(agentId);
            }
        }
        changed(queue, left);
        return members(queue);
    }

    /** Every queue of the operator's organization, with its members, by name. */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    public List<QueueMembersResponse> organizationQueues() {
        return em.createQuery("select q from Queue q where q.organizationId = :org and q.deletedAt is null"
                        + " order by lower(q.name)", Queue.class)
                .setParameter("org", callers.currentOperator().organizationId())
                .getResultStream().map(this::members).toList();
    }

    /** A page of the organization's queues with their state, by name (ignoring case). */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    public QueuesPage list(String cursor, String limitText) {
        int limit = Cursors.limit(limitText);
        List<String> after = Cursors.decode(cursor, 2);
        TypedQuery<Object[]> query = em.createQuery("select q, lower(q.name) from Queue q"
                        + " where q.organizationId = :org and q.deletedAt is null"
                        + (after == null ? "" : " and (lower(q.name) > :name or (lower(q.name) = :name and q.id > :id))")
                        + " order by lower(q.name), q.id", Object[].class)
                .setParameter("org", callers.currentOperator().organizationId())
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("name", after.get(0)).setParameter("id", after.get(1));
        }
        List<Object[]> rows = query.getResultList();
        List<Object[]> page = rows.subList(0, Math.min(limit, rows.size()));
        Object[] last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rows.size() > limit ? Cursors.encode((String) last[1], ((Queue) last[0]).id()) : null;
        return new QueuesPage(page.stream().map(row -> queues.view((Queue) row[0])).toList(), next);
    }

    /**
     * Deletes a queue nobody waits or talks in. It leaves every list at once; its past audiences
     * and log stay for statistics.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_DELETED)
    public void delete(String queueId) {
        Agent operator = callers.currentOperator();
        Queue queue = queues.forOperatorToChange(queueId, operator);
        long active = em.createQuery("select count(a) from Audience a where a.queueId = :queue and a.state in"
                        + " (org.carequeue.audience.AudienceState.REQUESTED, org.carequeue.audience.AudienceState.ACCEPTED)",
                        Long.class)
                .setParameter("queue", queue.id())
                .getSingleResult();
        if (active > 0) {
            throw new BusinessException(ErrorCode.QUEUE_IN_USE, "Queue " + queue.name() + " has " + active
                    + " waiting or ongoing conversation(s); close it and let them finish first");
        }
        if (queue.close()) {
            queueLog.append(new QueueLogEntry(queue.id(), QueueLogKind.CLOSED, operator.id(), null));
            openedOrClosed(queue, operator.id());
        }
        queue.delete();
        changed(queue);
    }

    /**
     * The queue's schedule in Ninchat's format, with its next opening and closing; a queue without
     * one has a disabled, empty one.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    public ScheduleOverview scheduleOverview(String queueId) {
        Queue queue = queues.forOperator(queueId, callers.currentOperator());
        return overview(queue, queue.schedule().orElse(QueueSchedule.NONE));
    }

    private static ScheduleOverview overview(Queue queue, QueueSchedule schedule) {
        Instant now = Clock.now().toInstant();
        return new ScheduleOverview(queue.name(), schedule, schedule.toJson(),
                schedule.nextOpening(now).map(at -> at.atZone(schedule.zone())).orElse(null),
                schedule.nextClosing(now).map(at -> at.atZone(schedule.zone())).orElse(null));
    }

    /**
     * Saves a schedule (Ninchat's format, checked field by field). It acts from now on: opening and
     * closing times already past today do nothing, and the queue stays as it is until the next one.
     * The answer is the schedule as stored, with its next opening and closing.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.QUEUE_MANAGER})
    @Audited(AuditKind.QUEUE_SCHEDULE_CHANGED)
    public ScheduleOverview replaceSchedule(String queueId, String scheduleJson) {
        QueueSchedule schedule = QueueSchedule.parse(scheduleJson);
        Queue queue = queues.forOperatorToChange(queueId, callers.currentOperator());
        // A time of the old schedule that passed since the timer's last tick still happens.
        applyDueEdge(queue, Clock.now().toInstant());
        queue.replaceSchedule(schedule);
        changed(queue);
        return overview(queue, schedule);
    }

    /** The queues whose schedule the timer looks at. Only server code calls this. */
    @PermitAll
    public List<String> scheduledQueueIds() {
        return em.createQuery("select q.id from Queue q where q.schedule is not null and q.deletedAt is null",
                String.class).getResultList();
    }

    /**
     * Applies the queue's schedule edge that is due, if any: the latest one after the last applied
     * (so after a standstill only the latest missed one). Every node's timer calls this; the row
     * lock and the recorded edge make each edge happen once. Manual opening and closing meanwhile
     * stand until the next edge. Only server code calls this.
     */
    @PermitAll
    public void applyDueScheduleEdge(String queueId) {
        Queue queue = em.find(Queue.class, queueId);
        Instant now = Clock.now().toInstant();
        if (queue == null || queue.isDeleted() || queue.dueScheduleEdge(now).isEmpty()) {
            return;
        }
        queues.lock(queue);
        if (!queue.isDeleted()) {
            applyDueEdge(queue, now);
        }
    }

    /** Applies the schedule's due edge to a locked queue; logs and signals a change of state. */
    private void applyDueEdge(Queue queue, Instant now) {
        Optional<QueueSchedule.Edge> due = queue.dueScheduleEdge(now);
        if (due.isPresent() && queue.applyScheduleEdge(due.get())) {
            queueLog.append(new QueueLogEntry(queue.id(), due.get().opens() ? QueueLogKind.OPENED_BY_SCHEDULE
                    : QueueLogKind.CLOSED_BY_SCHEDULE, null, null));
            openedOrClosed(queue, null);
            changed(queue);
        }
    }

    /**
     * The agents whose desks show this queue (its members): whom to tell when it changes. For the
     * after-commit push, which runs without a caller; no endpoint exposes it.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> deskAudience(String queueId) {
        // One query and no transaction of its own: this runs after every arrival (a pick brings its members along).
        return queueId == null ? Set.of() : Set.copyOf(em.createQuery(
                        "select m from Queue q join q.memberIds m where q.id = :queue", String.class)
                .setParameter("queue", queueId)
                .getResultList());
    }

    /** A removed agent leaves every queue, in the transaction that removes them. */
    @RolesAllowed(Roles.OPERATOR)
    public void forgetRemovedAgent(@Observes AgentRemoved event) {
        em.createQuery("select q from Queue q where :agent member of q.memberIds", Queue.class)
                .setParameter("agent", event.agentId())
                .getResultStream().forEach(queue -> {
                    queue.removeMember(event.agentId());
                    changed(queue, Set.of(event.agentId()));
                });
    }

    private QueueMembersResponse members(Queue queue) {
        return new QueueMembersResponse(queues.view(queue), queue.memberIds().stream().sorted().toList());
    }

    private Agent colleague(Agent operator, String agentId) {
        Agent member = agentId == null ? null : em.find(Agent.class, agentId);
        if (member == null || member.isRemoved() || !member.organizationId().equals(operator.organizationId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such agent in your organization");
        }
        return member;
    }

    private void changed(Queue queue) {
        changed(queue, Set.of());
    }

    private void openedOrClosed(Queue queue, String agentId) {
        openedOrClosed.fire(new QueueOpenedOrClosed(queue.id(), queue.organizationId(), queue.state(), agentId));
    }

    private void changed(Queue queue, Set<String> formerMembers) {
        changed.fire(new QueueChanged(queue.id(), queue.organizationId(), Set.copyOf(formerMembers)));
    }

    /** Transfer targets must be other, live queues of the same organization. */
    private Set<String> transferTargets(Agent operator, Queue queue, Collection<String> targetQueueIds) {
        Set<String> targets = new HashSet<>();
        for (String targetId : targetQueueIds) {
            Queue target = targetId == null ? null : em.find(Queue.class, targetId);
            if (target == null || !target.organizationId().equals(operator.organizationId())) {
                throw new InvalidInput("transferQueueIds", "No such queue in your organization: " + targetId);
            }
            if (target.isDeleted()) {
                // Settings read before the target was deleted still save; the deleted queue just drops out.
                continue;
            }
            if (target.id().equals(queue.id())) {
                throw new InvalidInput("transferQueueIds", "A queue cannot transfer customers to itself");
            }
            targets.add(target.id());
        }
        return targets;
    }

    private static int capacity(Integer capacity) {
        if (capacity == null) {
            return Queue.DEFAULT_CAPACITY;
        }
        if (capacity < 1 || capacity > Queue.MAX_CAPACITY) {
            throw new InvalidInput("capacity", "capacity must be between 1 and " + Queue.MAX_CAPACITY);
        }
        return capacity;
    }
}
