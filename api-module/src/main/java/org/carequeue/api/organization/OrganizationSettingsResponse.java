package org.carequeue.api.organization;

/** The organization's settings, as {@link OrganizationSettingsRequest} describes them. */
public record OrganizationSettingsResponse(String organizationId, String name, boolean requireTranscriptReason) {
}
