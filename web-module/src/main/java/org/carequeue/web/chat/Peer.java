package org.carequeue.web.chat;

import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;

/**
 * Who an authenticated socket speaks for. Customers: their token, audience and queue. Agents:
 * their token, id and when the token expires.
 */
record Peer(Kind kind, String token, String audienceId, String queueId, String agentId, OffsetDateTime expiresAt) {

    enum Kind { CUSTOMER, AGENT }

    static Peer customer(String token, String audienceId, String queueId) {
        return new Peer(Kind.CUSTOMER, token, audienceId, queueId, null, null);
    }

    static Peer agent(String token, String agentId, OffsetDateTime expiresAt) {
        return new Peer(Kind.AGENT, token, null, null, agentId, expiresAt);
    }

    /** The same customer, now in another queue (after a transfer). */
    Peer inQueue(String queueId) {
        return new Peer(kind, token, audienceId, queueId, agentId, expiresAt);
    }

    boolean isCustomer() {
        return kind == Kind.CUSTOMER;
    }

    boolean hasExpired() {
        return expiresAt != null && !expiresAt.isAfter(Clock.now());
    }
}
