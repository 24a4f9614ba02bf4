package org.carequeue.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.carequeue.message.MessagePosted;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Messages this node stored, as the counter {@code carequeue_messages} (exported as
 * {@code carequeue_messages_total}); the message rate is its {@code rate()}. Counted after commit,
 * so a rolled-back message or a retried {@code clientMessageId} is not counted.
 */
@ApplicationScoped
public class MessageCount {

    @Inject
    MetricRegistry registry;

    private Counter stored;

    /** Registered at start-up, so the counter shows (at 0) before the first message. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        stored = registry.counter(Metadata.builder().withName("carequeue_messages")
                .withDescription("Chat messages stored by this node").build());
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        stored.inc();
    }
}
