package org.carequeue.api.agent;

/** How the desk tells an agent that a customer arrived: a sound, a desktop notification, both or neither. */
public record AlertSettings(boolean sound, boolean desktop) {
}
