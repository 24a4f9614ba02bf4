package org.carequeue.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.carequeue.web.chat.ChatSessions;
import org.carequeue.web.push.DeskSockets;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauge {@code carequeue_open_sockets} of this node, by {@code kind}: {@code chat} (customers'
 * and agents' authenticated chat sockets) and {@code desk} (the desks' signal sockets). Read from
 * the socket registries at each scrape; nothing is counted twice or kept apart from them.
 */
@ApplicationScoped
public class OpenSockets {

    @Inject
    MetricRegistry registry;

    @Inject
    ChatSessions chatSessions;

    @Inject
    DeskSockets deskSockets;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Metadata metadata = Metadata.builder().withName("carequeue_open_sockets")
                .withDescription("WebSockets open on this node, by kind (chat, desk)")
                .withUnit(MetricUnits.NONE).build();
        registry.gauge(metadata, chatSessions, ChatSessions::openSockets, new Tag("kind", "chat"));
        registry.gauge(metadata, deskSockets, DeskSockets::openSockets, new Tag("kind", "desk"));
    }
}
