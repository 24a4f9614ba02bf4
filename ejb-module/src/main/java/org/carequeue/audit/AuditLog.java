package org.carequeue.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.carequeue.agent.Callers;
import org.carequeue.api.audit.AuditEntryResponse;
import org.carequeue.api.audit.AuditPage;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Cursors;
import org.carequeue.platform.InvalidInput;
import org.carequeue.security.Roles;

/**
 * The organization's append-only audit log: sign-ins (failed ones and lock-outs too), sign-outs,
 * picks, transfers, transcript reads and the operators' changes ({@link Audited}). Entries are
 * written by {@link AuditTrail} in the transaction of what they record and only ever added; this
 * boundary lists them for the operators. The uses of API keys have their own log with each key
 * ({@code api_key_use}), and the transcript's own trail says who read it and why.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    /**
     * The operator's organization's entries, newest first, of one kind or all, a page at a time.
     *
     * @param kind an {@link AuditKind} name, or null for all
     */
    @RolesAllowed(Roles.OPERATOR)
    public AuditPage list(String kind, String cursor, String limitText) {
        String organizationId = callers.currentOperator().organizationId();
        int limit = Cursors.limit(limitText);
        AuditKind only = kind(kind);
        List<String> before = Cursors.decode(cursor, 2);
        TypedQuery<AuditEntry> query = em.createQuery("select e from AuditEntry e where e.organizationId = :org"
                        + (only == null ? "" : " and e.kind = :kind")
                        + (before == null ? "" : " and (e.happenedAt < :at or (e.happenedAt = :at and e.id < :id))")
                        + " order by e.happenedAt desc, e.id desc", AuditEntry.class)
                .setParameter("org", organizationId)
                .setMaxResults(limit + 1);
        if (only != null) {
            query.setParameter("kind", only);
        }
        if (before != null) {
            query.setParameter("at", at(before.get(0))).setParameter("id", before.get(1));
        }
        List<AuditEntry> rows = query.getResultList();
        List<AuditEntry> page = rows.subList(0, Math.min(limit, rows.size()));
        AuditEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rows.size() > limit ? Cursors.encode(last.happenedAt().toString(), last.id()) : null;
        return new AuditPage(page.stream().map(AuditLog::view).toList(), next);
    }

    private static AuditKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return AuditKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("kind", "kind is one of " + List.of(AuditKind.values()));
        }
    }

    private static OffsetDateTime at(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("cursor", "cursor is not one this list handed out");
        }
    }

    private static AuditEntryResponse view(AuditEntry entry) {
        return new AuditEntryResponse(entry.id(), Clock.iso(entry.happenedAt()), entry.kind().name(), entry.actorId(),
                entry.actorName(), entry.subject());
    }
}
