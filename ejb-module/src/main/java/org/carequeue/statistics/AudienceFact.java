package org.carequeue.statistics;

import java.time.Duration;
import java.time.Instant;
import org.carequeue.audience.AudienceState;

/**
 * What statistics need of one audience: its row's state, times and rating, and whether the
 * customer (rather than the agent) ended it, from the activity log. Nothing here is deleted by
 * transcript retention.
 */
record AudienceFact(String id, String queueId, String agentId, AudienceState state, Instant requestedAt,
                    Instant queuedAt, Instant acceptedAt, Instant endedAt, Integer rating, boolean endedByCustomer) {

    /** The same audience, known to have been ended by its customer. */
    AudienceFact asEndedByCustomer() {
        return new AudienceFact(id, queueId, agentId, state, requestedAt, queuedAt, acceptedAt, endedAt, rating, true);
    }

    boolean accepted() {
        return acceptedAt != null
                && (state == AudienceState.ACCEPTED || state == AudienceState.FINISHED || state == AudienceState.COMPLETE);
    }

    boolean dropped() {
        return state == AudienceState.DROPPED;
    }

    boolean waiting() {
        return state == AudienceState.REQUESTED;
    }

    /** From the pick to the end, for an accepted audience that has ended. */
    boolean conversationEnded() {
        return accepted() && endedAt != null && state != AudienceState.ACCEPTED;
    }

    /** From joining this queue's line (a transfer joins anew) to the pick. */
    long queueingMillis() {
        return Duration.between(queuedAt, acceptedAt).toMillis();
    }

    long conversationMillis() {
        return Duration.between(acceptedAt, endedAt).toMillis();
    }

    /** How long a dropped customer waited before leaving the line: their exit tolerance. */
    long exitMillis() {
        return Duration.between(queuedAt, endedAt).toMillis();
    }
}
