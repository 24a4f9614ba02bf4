package org.carequeue.api.queue;

/**
 * A queue's settings, replaced as a whole. Of the video call settings, a null keeps the current
 * value: {@code video} is who may start a call ({@code AGENT}, {@code CUSTOMER}, {@code BOTH},
 * {@code NOBODY}), {@code screenShare} whether the agent may share their screen in one.
 */
public record QueueSettingsRequest(String name, Integer capacity, Boolean suspended, String video,
                                   Boolean screenShare) {
}
