package org.carequeue.history;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.history.HistoryEntryResponse;
import org.carequeue.api.history.HistoryFilter;
import org.carequeue.api.history.HistoryPage;
import org.carequeue.api.history.TranscriptReadingResponse;
import org.carequeue.api.history.TranscriptResponse;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceNotFound;
import org.carequeue.audience.AudienceState;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.AuditTrail;
import org.carequeue.message.AttachmentReadByOperator;
import org.carequeue.message.StoredConversation;
import org.carequeue.organization.Organization;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Cursors;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.TimeBounds;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueLogKind;
import org.carequeue.security.Roles;

/**
 * The operators' history: searching the organization's audiences and reading one transcript whole.
 * Every reading is written to the audit trail in its own transaction, with the reason the
 * organization may ask for; another organization's audience is not found (404), an agent who is
 * no operator is refused (403).
 */
@Stateless
public class Transcripts {

    private static final int MAX_PAGE = 100;

    @Inject
    AuditTrail auditTrail;

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    StoredConversation conversation;

    /**
     * The organization's audiences matching the filter, newest request first: the page after
     * {@code cursor} (a {@code nextCursor} handed out before) or, without one, from {@code first}.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.TRANSCRIPT_READER})
    public HistoryPage search(HistoryFilter filter, String cursor, int first, int pageSize) {
        List<String> after = Cursors.decode(cursor, 2);
        OffsetDateTime afterTime = after == null ? null : cursorTime(after.get(0));
        String organizationId = callers.currentOperator().organizationId();
        HistoryFilter f = filter == null ? HistoryFilter.ANYTHING : filter;
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE));
        TypedQuery<Audience> query = searchQuery("select a", after == null ? "" : " and (a.requestedAt < :at"
                        + " or (a.requestedAt = :at and a.id < :id))", " order by a.requestedAt desc, a.id desc",
                organizationId, f, Audience.class)
                .setFirstResult(after == null ? Math.max(0, first) : 0)
                .setMaxResults(size + 1);
        if (after != null) {
            query.setParameter("at", afterTime).setParameter("id", after.get(1));
        }
        List<Audience> rows = query.getResultList();
        List<Audience> page = rows.subList(0, Math.min(size, rows.size()));
        Audience last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rows.size() > size ? Cursors.encode(Clock.iso(last.requestedAt()), last.id()) : null;
        long total = searchQuery("select count(a)", "", "", organizationId, f, Long.class).getSingleResult();
        Map<String, String> queueNames = names("select q.id, q.name from Queue q where q.id in :ids",
                page.stream().map(Audience::queueId).collect(Collectors.toSet()));
        Map<String, String> agentNames = agentNames(page.stream().map(Audience::agentId).collect(Collectors.toSet()));
        return new HistoryPage(page.stream().map(a -> new HistoryEntryResponse(a.id(), a.customerName(), a.queueId(),
                queueNames.get(a.queueId()), agentNames.get(a.agentId()), a.state().name(), Clock.iso(a.requestedAt()),
                Clock.iso(a.acceptedAt()), Clock.iso(a.endedAt()), Clock.iso(a.completedAt()), a.rating(),
                Clock.iso(a.transcriptDeletedAt()))).toList(), total, next);
    }

    private static OffsetDateTime cursorTime(String iso) {
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException tampered) {
            throw new InvalidInput("cursor", "cursor is not one this list handed out");
        }
    }

    private <T> TypedQuery<T> searchQuery(String select, String afterCursor, String order, String organizationId,
                                          HistoryFilter f, Class<T> type) {
        StringBuilder where = new StringBuilder(" from Audience a where a.organizationId = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", organizationId);
        if (present(f.queueId())) {
            where.append(" and a.queueId = :queue");
            parameters.put("queue", f.queueId());
        }
        if (present(f.agentId())) {
            // Earlier agents of a transferred conversation count too: the log keeps every pick.
            where.append(" and (a.agentId = :agent or exists (select l.id from QueueLogEntry l where"
                    + " l.audienceId = a.id and l.kind = :picked and l.agentId = :agent))");
            parameters.put("agent", f.agentId());
            parameters.put("picked", QueueLogKind.PICKED);
        }
        if (present(f.state())) {
            where.append(" and a.state = :state");
            parameters.put("state", state(f.state()));
        }
        if (present(f.customer())) {
            where.append(" and lower(a.customerName) like :customer escape '\\'");
            parameters.put("customer", "%" + f.customer().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (present(f.from())) {
            where.append(" and a.requestedAt >= :from");
            parameters.put("from", TimeBounds.parse("from", f.from(), false));
        }
        if (present(f.to())) {
            where.append(" and a.requestedAt < :to");
            parameters.put("to", TimeBounds.parse("to", f.to(), true));
        }
        TypedQuery<T> query = em.createQuery(select + where + afterCursor + order, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    /**
     * One audience's whole transcript, written to the audit trail with who, when, how and why.
     * When the organization asks for a reason, a reading without one is refused ({@code
     * reason_required}) and leaves no trace.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.TRANSCRIPT_READER})
    public TranscriptResponse read(String audienceId, String reason, ReadingChannel channel) {
        Agent operator = callers.currentOperator();
        Audience audience = inOrganization(audienceId, operator);
        String why = InvalidInput.optionalText("reason", reason, TranscriptReading.MAX_REASON_LENGTH);
        why = why == null || why.isBlank() ? null : why.strip();
        Organization organization = em.find(Organization.class, operator.organizationId());
        if (why == null && organization.requiresTranscriptReason()) {
            throw new ReasonRequired();
        }
        em.persist(new TranscriptReading(organization.id(), audience.id(), operator.id(), channel, why));
        auditTrail.record(organization.id(), AuditKind.TRANSCRIPT_READ, operator.id(), operator.displayName(),
                audience.id() + " " + channel);
        return transcript(audience);
    }

    /**
     * The transcript the {@code audience.complete} webhook carries to the organization's own
     * systems, which its operators subscribed. Only server code calls this.
     */
    @PermitAll
    public TranscriptResponse forWebhook(String audienceId) {
        return transcript(em.find(Audience.class, audienceId));
    }

    /** Whether operators of the caller's organization must give a reason to read a transcript. */
    @RolesAllowed({Roles.OPERATOR, Roles.TRANSCRIPT_READER})
    public boolean reasonRequired() {
        return em.find(Organization.class, callers.currentOperator().organizationId()).requiresTranscriptReason();
    }

    /** The audience's audit trail, newest first. */
    @RolesAllowed({Roles.OPERATOR, Roles.TRANSCRIPT_READER})
    public List<TranscriptReadingResponse> readings(String audienceId) {
        Audience audience = inOrganization(audienceId, callers.currentOperator());
        return em.createQuery("select r.readAt, r.agentId, g.displayName, r.channel, r.reason from TranscriptReading r,"
                        + " Agent g where g.id = r.agentId and r.audienceId = :audience order by r.readAt desc, r.id desc",
                        Object[].class)
                .setParameter("audience", audience.id())
                .getResultStream()
                .map(row -> new TranscriptReadingResponse(Clock.iso((OffsetDateTime) row[0]), (String) row[1],
                        (String) row[2], ((ReadingChannel) row[3]).name(), (String) row[4]))
                .toList();
    }

    /**
     * An operator's read of a file of someone else's conversation goes to the audit trail, in its
     * transaction. A file is part of the transcript: where the organization asks for a reason, the
     * operator must have given one for this transcript first, and that reason is recorded with it.
     */
    @PermitAll
    public void auditAttachment(@Observes AttachmentReadByOperator read) {
        Audience audience = em.find(Audience.class, read.audienceId());
        String reason = null;
        if (em.find(Organization.class, audience.organizationId()).requiresTranscriptReason()) {
            reason = em.createQuery("select r.reason from TranscriptReading r where r.audienceId = :audience"
                            + " and r.agentId = :operator and r.reason is not null order by r.readAt desc", String.class)
                    .setParameter("audience", audience.id())
                    .setParameter("operator", read.operatorId())
                    .setMaxResults(1)
                    .getResultStream().findFirst()
                    .orElseThrow(ReasonRequired::new);
        }
        em.persist(new TranscriptReading(audience.organizationId(), audience.id(), read.operatorId(),
                ReadingChannel.ATTACHMENT, reason));
        Agent operator = em.find(Agent.class, read.operatorId());
        auditTrail.record(audience.organizationId(), AuditKind.TRANSCRIPT_READ, operator.id(), operator.displayName(),
                audience.id() + " " + ReadingChannel.ATTACHMENT);
    }

    private TranscriptResponse transcript(Audience a) {
        List<Object[]> picks = em.createQuery("select l.agentId, l.at from QueueLogEntry l where l.audienceId = :audience"
                        + " and l.kind = :picked order by l.at, l.id", Object[].class)
                .setParameter("audience", a.id())
                .setParameter("picked", QueueLogKind.PICKED)
                .getResultList();
        Map<String, String> agentNames = agentNames(picks.stream().map(row -> (String) row[0]).collect(Collectors.toSet()));
        List<String> agents = picks.stream().map(row -> agentNames.get((String) row[0])).distinct().toList();
        OffsetDateTime pickedAt = picks.isEmpty() ? null : (OffsetDateTime) picks.get(0)[1];
        Queue queue = em.find(Queue.class, a.queueId());
        return new TranscriptResponse(a.id(), a.customerName(), queue.id(), queue.name(), a.state().name(), agents,
                Clock.iso(a.requestedAt()), Clock.iso(pickedAt), Clock.iso(a.endedAt()), Clock.iso(a.completedAt()),
                Clock.iso(a.transcriptDeletedAt()), conversation.messages(a.id()), tags(a.id()), notes(a.id()),
                a.metadata(), a.verifiedMetadata(), a.preAnswers(), a.rating(), a.postAnswers());
    }

    /** The audience's tags as the desk shows them ("Category / Subcategory"), by path. */
    private List<TagResponse> tags(String audienceId) {
        List<Object[]> rows = em.createQuery("select t.id, t.parentId, t.name, t.colour from Tag t where t.id in"
                        + " (select x.tagId from AudienceTag x where x.audienceId = :audience)", Object[].class)
                .setParameter("audience", audienceId)
                .getResultList();
        Map<String, String> parents = names("select t.id, t.name from Tag t where t.id in :ids",
                rows.stream().map(row -> (String) row[1]).filter(id -> id != null).collect(Collectors.toSet()));
        return rows.stream().map(row -> {
            String parentId = (String) row[1];
            String name = (String) row[2];
            String path = parentId == null ? name : parents.get(parentId) + " / " + name;
            return new TagResponse((String) row[0], parentId, name, (String) row[3], path);
        }).sorted(Comparator.comparing(TagResponse::path, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The filled note fields, in the form's order. */
    private List<NoteResponse> notes(String audienceId) {
        return em.createQuery("select f.id, f.label, f.kind, n.text from Note n, NoteField f where f.id = n.fieldId"
                        + " and n.audienceId = :audience order by f.sortOrder", Object[].class)
                .setParameter("audience", audienceId)
                .getResultStream()
                .map(row -> new NoteResponse((String) row[0], (String) row[1], String.valueOf(row[2]), List.of(),
                        (String) row[3]))
                .toList();
    }

    private Audience inOrganization(String audienceId, Agent operator) {
        Audience audience = audienceId == null ? null : em.find(Audience.class, audienceId);
        if (audience == null || !audience.organizationId().equals(operator.organizationId())) {
            throw new AudienceNotFound();
        }
        return audience;
    }

    private Map<String, String> agentNames(Collection<String> ids) {
        return names("select g.id, g.displayName from Agent g where g.id in :ids", ids);
    }

    private Map<String, String> names(String jpql, Collection<String> ids) {
        Set<String> wanted = ids.stream().filter(id -> id != null).collect(Collectors.toSet());
        Map<String, String> names = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            // A page of waiting customers only has no agent: get(null) must answer null, which Map.of() refuses.
            return names;
        }
        em.createQuery(jpql, Object[].class).setParameter("ids", new ArrayList<>(wanted))
                .getResultStream().forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static AudienceState state(String value) {
        try {
            return AudienceState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("state", "state must be one of " + Arrays.toString(AudienceState.values()));
        }
    }
}
