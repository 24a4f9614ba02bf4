package org.carequeue.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.carequeue.api.webhook.WebhookEvent;
import org.carequeue.api.webhook.WebhookEventType;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceCompleted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceRequested;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.contact.ContactRegistered;
import org.carequeue.contact.RegisteredContact;
import org.carequeue.history.Transcripts;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueOpenedOrClosed;
import org.carequeue.queue.QueueState;

/**
 * Turns domain events into outbox rows in the transaction that made the change (plain
 * {@code @Observes}): a change and its webhooks commit or roll back together, so a crash loses
 * neither. An organization without subscriptions to the event pays one query. The body is built
 * now, so it says what was true at the time, and is sent as it is on every attempt. Only ever
 * reached inside a boundary's transaction, so a plain CDI bean: as an EJB, every event cost a new
 * session bean reference and the container's security and transaction checks (docs/benchmarks.md).
 */
@ApplicationScoped
public class WebhookOutbox {

    /** The largest body the outbox column holds; a longer transcript goes without its messages. */
    static final int MAX_BODY = 1_000_000;
    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    Transcripts transcripts;

    @Inject
    Event<WebhookDeliveriesQueued> queued;

    public void requested(@Observes AudienceRequested event) {
        queueForAudience(event.audienceId(), WebhookEventType.AUDIENCE_REQUESTED, audience -> data(
                "audienceId", audience.id(), "queueId", event.queueId(), "customerName", audience.customerName(),
                "requestedAt", Clock.iso(audience.requestedAt())));
    }

    public void accepted(@Observes AudienceAccepted event) {
        queueForAudience(event.audienceId(), WebhookEventType.AUDIENCE_ACCEPTED, audience -> data(
                "audienceId", audience.id(), "queueId", event.queueId(), "agentId", event.agentId(),
                "agentName", event.agentName(), "acceptedAt", Clock.iso(audience.acceptedAt())));
    }

    public void dropped(@Observes AudienceDropped event) {
        queueForAudience(event.audienceId(), WebhookEventType.AUDIENCE_DROPPED, audience -> data(
                "audienceId", audience.id(), "queueId", event.queueId(), "endedAt", Clock.iso(audience.endedAt())));
    }

    public void transferred(@Observes AudienceTransferred event) {
        queueForAudience(event.audienceId(), WebhookEventType.AUDIENCE_TRANSFERRED, audience -> data(
                "audienceId", audience.id(), "fromQueueId", event.fromQueueId(), "toQueueId", event.toQueueId(),
                "agentId", event.agentId()));
    }

    public void finished(@Observes AudienceFinished event) {
        queueForAudience(event.audienceId(), WebhookEventType.AUDIENCE_FINISHED, audience -> data(
                "audienceId", audience.id(), "queueId", event.queueId(), "agentId", event.agentId(),
                "endedAt", Clock.iso(audience.endedAt())));
    }

    public void completed(@Observes AudienceCompleted event) {
        queueForAudience(event.audienceId(), WebhookEventType.AUDIENCE_COMPLETE, audience -> data(
                "audienceId", audience.id(), "queueId", event.queueId(), "agentId", event.agentId(),
                "completedAt", Clock.iso(audience.completedAt()), "transcript", transcripts.forWebhook(audience.id())));
    }

    public void contactRegistered(@Observes ContactRegistered event) {
        queue(event.organizationId(), WebhookEventType.CONTACT_REGISTERED, null, () -> {
            RegisteredContact contact = em.find(RegisteredContact.class, event.contactId());
            return data("contactId", contact.id(), "queueId", event.queueId(), "name", contact.name(),
                    "email", contact.email(), "phone", contact.phone(), "message", contact.message(),
                    "registeredAt", Clock.iso(contact.registeredAt()));
        });
    }

    public void queueOpenedOrClosed(@Observes QueueOpenedOrClosed event) {
        WebhookEventType type = event.state() == QueueState.OPEN ? WebhookEventType.QUEUE_OPENED : WebhookEventType.QUEUE_CLOSED;
        queue(event.organizationId(), type, "queue:" + event.queueId(), () -> {
            Queue queue = em.find(Queue.class, event.queueId());
            return data("queueId", queue.id(), "queueName", queue.name(), "agentId", event.agentId(),
                    "bySchedule", event.agentId() == null);
        });
    }

    /**
     * A test event for one subscription, whatever it subscribed to; its delivery is the answer.
     * {@link Webhooks#sendTest} checks the caller first.
     */
    public WebhookDelivery queueTest(WebhookSubscription subscription) {
        WebhookEventRow event = event(subscription.organizationId(), WebhookEventType.TEST,
                data("message", "A test event from CareQueue", "subscriptionId", subscription.id()));
        WebhookDelivery delivery = new WebhookDelivery(subscription.id(), event.id(), null, Clock.now());
        em.persist(delivery);
        queued.fire(new WebhookDeliveriesQueued());
        return delivery;
    }

    private void queueForAudience(String audienceId, WebhookEventType type,
                                  Function<Audience, Map<String, Object>> data) {
        Audience audience = em.find(Audience.class, audienceId);
        queue(audience.organizationId(), type, "audience:" + audienceId, () -> data.apply(audience));
    }

    private void queue(String organizationId, WebhookEventType type, String orderingKey,
                       Supplier<Map<String, Object>> data) {
        // Enabled ones are picked here: EclipseLink compares booleans with 1, which H2 refuses.
        List<WebhookSubscription> subscribers = em.createQuery("select s from WebhookSubscription s"
                        + " where s.organizationId = :org and s.deletedAt is null", WebhookSubscription.class)
                .setParameter("org", organizationId)
                .getResultStream()
                .filter(subscription -> subscription.wants(type))
                .toList();
        if (subscribers.isEmpty()) {
            return;
        }
        WebhookEventRow event = event(organizationId, type, data.get());
        OffsetDateTime now = Clock.now();
        for (WebhookSubscription subscription : subscribers) {
            em.persist(new WebhookDelivery(subscription.id(), event.id(), orderingKey, now));
        }
        queued.fire(new WebhookDeliveriesQueued());
    }

    private WebhookEventRow event(String organizationId, WebhookEventType type, Map<String, Object> data) {
        String id = Ids.newId();
        OffsetDateTime now = Clock.now();
        String body = JSON.toJson(new WebhookEvent(id, type.wireName(), Clock.iso(now), organizationId, data));
        if (body.length() > MAX_BODY && data.containsKey("transcript")) {
            LOG.warning(() -> "The transcript of webhook event " + id + " is too long to send; it goes without it");
            data.put("transcript", null);
            data.put("transcriptOmitted", true);
            body = JSON.toJson(new WebhookEvent(id, type.wireName(), Clock.iso(now), organizationId, data));
        }
        WebhookEventRow row = new WebhookEventRow(id, organizationId, type, now, body);
        em.persist(row);
        // The deliveries refer to it, and without a mapped relationship nothing orders the inserts.
        em.flush();
        return row;
    }

    /** Key-value pairs in order, nulls kept (receivers see every field of the event type). */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
