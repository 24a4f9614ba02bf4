package org.carequeue.web.chat;

/**
 * Who an authenticated socket speaks for. Customers: their token, audience and queue. Agents:
 * their token and id.
 */
record Peer(Kind kind, String token, String audienceId, String queueId, String agentId) {

    enum Kind { CUSTOMER, AGENT }

    static Peer customer(String token, String audienceId, String queueId) {
        return new Peer(Kind.CUSTOMER, token, audienceId, queueId, null);
    }

    static Peer agent(String token, String agentId) {
        return new Peer(Kind.AGENT, token, null, null, agentId);
    }

    boolean isCustomer() {
        return kind == Kind.CUSTOMER;
    }
}
