package org.carequeue.api.audit;

/**
 * One audit log entry: when ({@code at}), what ({@code kind}, e.g. {@code SIGNED_IN},
 * {@code PICKED}, {@code MEMBER_REMOVED}), who ({@code actorId}, {@code actorName}; null for a
 * failed sign-in of an unknown name) and what it concerned ({@code subject}: an id, or the
 * username of a sign-in attempt).
 */
public record AuditEntryResponse(String id, String at, String kind, String actorId, String actorName, String subject) {
}
