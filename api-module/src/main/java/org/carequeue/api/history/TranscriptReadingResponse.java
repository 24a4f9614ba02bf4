package org.carequeue.api.history;

/**
 * One line of an audience's audit trail: who read its transcript (or one of its files), when, how
 * ({@code PAGE}, {@code REST}, {@code CSV} or {@code ATTACHMENT}) and the reason they gave (null
 * when none was asked).
 */
public record TranscriptReadingResponse(String at, String agentId, String agentName, String channel, String reason) {
}
