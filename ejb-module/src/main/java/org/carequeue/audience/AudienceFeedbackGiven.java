package org.carequeue.audience;

/** The customer rated the ended conversation or answered its post-audience questionnaire. */
public record AudienceFeedbackGiven(String audienceId, String agentId) {
}
