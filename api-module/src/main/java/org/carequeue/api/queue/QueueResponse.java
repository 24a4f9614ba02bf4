package org.carequeue.api.queue;

/**
 * A queue as its members see it. {@code state} is {@code OPEN} or {@code CLOSED};
 * {@code waitingSince} is when the customer first in line arrived (null when nobody waits).
 * {@code video} says who may start a video call in its conversations ({@code AGENT},
 * {@code CUSTOMER}, {@code BOTH}, {@code NOBODY}); {@code screenShare} whether the agent may share
 * their screen in one.
 */
public record QueueResponse(String id, String name, String state, boolean suspended, int capacity, int length,
                            String waitingSince, String video, boolean screenShare) {
}
