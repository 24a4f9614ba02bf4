package org.carequeue.statistics;

/**
 * A queue on the live dashboard. {@code state} is what customers see: {@code OPEN}, {@code CLOSED},
 * {@code FULL} or {@code SUSPENDED}; {@code waitingSince} is when the first in line arrived (ISO,
 * null when nobody waits); {@code membersOnline} counts its members at a desk.
 */
public record QueueNow(String id, String name, String state, int waiting, String waitingSince, int membersOnline,
                       int liveAudiences) {
}
