package org.carequeue.audience;

import org.carequeue.queue.VideoCalls;

/**
 * One side of a live audience, as it sends typing and call signals: who it is ({@code role}
 * {@code agent} or {@code customer}, and the name the other side sees), the agent holding the
 * audience (where the customer's signals go) and the queue's video call settings.
 */
public record Participant(String audienceId, String role, String name, String agentId, VideoCalls video,
                          boolean screenShare) {

    public static final String AGENT = "agent";
    public static final String CUSTOMER = "customer";

    public boolean isCustomer() {
        return CUSTOMER.equals(role);
    }

    /** Whether the queue lets this side start a call. */
    public boolean mayStartCall() {
        return video.allowsCallFrom(role);
    }

    public void requireMayStartCall() {
        if (!mayStartCall()) {
            throw new CallNotAllowed(role);
        }
    }

    /** Screen sharing is the agent's, when the queue allows it and calls are possible at all. */
    public boolean mayShareScreen() {
        return !isCustomer() && screenShare && video != VideoCalls.NOBODY;
    }
}
