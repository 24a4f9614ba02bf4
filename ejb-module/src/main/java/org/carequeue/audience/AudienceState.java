package org.carequeue.audience;

/** Where an audience is in its life; see {@link Audience}. */
public enum AudienceState {
    /** Waiting in the queue. */
    REQUESTED,
    /** An agent picked the customer; they are talking. */
    ACCEPTED,
    /** Either side ended the conversation; the agent may still wrap it up (tags, notes). */
    FINISHED,
    /** Done: "end and hide", or some hours after the end; out of the agent's sidebar. */
    COMPLETE,
    /** The customer left (or their socket was gone too long) before anyone picked them. */
    DROPPED;

    public boolean isWaiting() {
        return this == REQUESTED;
    }

    public boolean takesMessages() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
