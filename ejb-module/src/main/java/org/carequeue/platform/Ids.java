package org.carequeue.platform;

import java.util.UUID;

/** Identifiers of organizations, agents, queues and audiences: random, so not guessable. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
