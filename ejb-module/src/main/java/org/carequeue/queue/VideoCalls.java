package org.carequeue.queue;

import java.util.Locale;
import org.carequeue.platform.InvalidInput;

/** A queue setting: which side of its conversations may start a video call. */
public enum VideoCalls {
    AGENT, CUSTOMER, BOTH, NOBODY;

    /** Whether a participant of this role ({@code agent} or {@code customer}) may start a call. */
    public boolean allowsCallFrom(String role) {
        return switch (this) {
            case AGENT -> "agent".equals(role);
            case CUSTOMER -> "customer".equals(role);
            case BOTH -> true;
            case NOBODY -> false;
        };
    }

    /** The wire form of the setting, refused with the field name when it is none of the four. */
    public static VideoCalls parse(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + " is AGENT, CUSTOMER, BOTH or NOBODY");
        }
    }
}
