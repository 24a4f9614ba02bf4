package org.carequeue.statistics;

/** An agent at a desk now, since when (ISO), and how many live (accepted) audiences they hold. */
public record AgentNow(String id, String name, String onlineSince, int liveAudiences) {
}
