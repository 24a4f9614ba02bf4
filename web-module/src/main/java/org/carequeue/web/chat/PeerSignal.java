package org.carequeue.web.chat;

/**
 * A frame for the other participant of a live audience that is not stored (typing, video call
 * signalling), on its way to the sockets of that participant on every node through the
 * {@code ClusterRelay}. {@code recipient} is {@code customer} (the audience's customer sockets) or
 * {@code agent} (the chat and desk sockets of {@code agentId}); {@code frame} is the server frame's
 * JSON, delivered as it is.
 */
public record PeerSignal(String audienceId, String agentId, String recipient, String frame) {

    public boolean toCustomer() {
        return "customer".equals(recipient);
    }
}
