package org.carequeue.message;

/** Which side of the audience wrote a message. */
public enum SenderRole {
    CUSTOMER, AGENT, SYSTEM;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
