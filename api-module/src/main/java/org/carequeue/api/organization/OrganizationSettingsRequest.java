package org.carequeue.api.organization;

/**
 * The organization's settings; a null keeps the current value. {@code requireTranscriptReason}:
 * operators must give a reason before they read a transcript (REST: {@code ?reason=}).
 */
public record OrganizationSettingsRequest(Boolean requireTranscriptReason) {
}
