package org.carequeue.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookDeliveryResponse;
import org.carequeue.api.webhook.WebhookEventType;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.api.webhook.WebhookSubscriptionResponse;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.Audited;
import org.carequeue.platform.Clock;
import org.carequeue.platform.InvalidInput;
import org.carequeue.security.Roles;

/**
 * Operators' webhook subscriptions: subscribe a URL to event types (the answer is the only place
 * the signing secret appears), list, enable or disable, delete, read the delivery log and send a
 * test event.
 */
@Stateless
public class Webhooks {

    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_SUBSCRIPTIONS = 20;
    static final int MAX_LOG_PAGE = 100;
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookOutbox outbox;

    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.WEBHOOK_CREATED)
    public NewWebhookSubscriptionResponse subscribe(WebhookSubscriptionRequest request) {
        Agent operator = callers.currentOperator();
        String url = url(request == null ? null : request.url());
        Set<WebhookEventType> types = eventTypes(request.events());
        long existing = em.createQuery("select count(s) from WebhookSubscription s where s.organizationId = :org"
                        + " and s.deletedAt is null", Long.class)
                .setParameter("org", operator.organizationId())
                .getSingleResult();
        if (existing >= MAX_SUBSCRIPTIONS) {
            throw new InvalidInput("url", "An organization has at most " + MAX_SUBSCRIPTIONS + " webhook subscriptions");
        }
        WebhookSubscription subscription = new WebhookSubscription(operator.organizationId(), url, types, operator.id());
        em.persist(subscription);
        LOG.info(() -> "Webhook subscription " + subscription.id() + " created by " + operator.id());
        return new NewWebhookSubscriptionResponse(view(subscription, operator.displayName()), subscription.secret());
    }

    /** The organization's subscriptions, newest first. */
    @RolesAllowed(Roles.OPERATOR)
    public List<WebhookSubscriptionResponse> list() {
        Agent operator = callers.currentOperator();
        List<WebhookSubscription> subscriptions = em.createQuery("select s from WebhookSubscription s"
                        + " where s.organizationId = :org and s.deletedAt is null order by s.createdAt desc, s.id",
                        WebhookSubscription.class)
                .setParameter("org", operator.organizationId())
                .getResultList();
        Map<String, String> names = creatorNames(subscriptions);
        return subscriptions.stream().map(s -> view(s, names.get(s.createdBy()))).toList();
    }

    @RolesAllowed(Roles.OPERATOR)
    public WebhookSubscriptionResponse get(String subscriptionId) {
        WebhookSubscription subscription = inOrganization(subscriptionId, callers.currentOperator(), false);
        return view(subscription, creatorName(subscription));
    }

    /** A disabled subscription gets no new events, and its pending deliveries wait until it is enabled. */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.WEBHOOK_CHANGED)
    public WebhookSubscriptionResponse enable(String subscriptionId, boolean enabled) {
        WebhookSubscription subscription = inOrganization(subscriptionId, callers.currentOperator(), true);
        subscription.enable(enabled);
        return view(subscription, creatorName(subscription));
    }

    /**
     * Deletes the subscription's delivery log and marks it deleted (see {@link WebhookSubscription});
     * pending deliveries are not sent.
     */
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditKind.WEBHOOK_DELETED)
    public void delete(String subscriptionId) {
        Agent operator = callers.currentOperator();
        WebhookSubscription subscription = inOrganization(subscriptionId, operator, true);
        em.createQuery("delete from WebhookDelivery d where d.subscriptionId = :id")
                .setParameter("id", subscription.id()).executeUpdate();
        em.createQuery("delete from WebhookEventRow e where e.organizationId = :org and not exists"
                        + " (select d.id from WebhookDelivery d where d.eventId = e.id)")
                .setParameter("org", subscription.organizationId()).executeUpdate();
        subscription.delete();
        LOG.info(() -> "Webhook subscription " + subscription.id() + " deleted by " + operator.id());
    }

    /**
     * The subscription's deliveries, newest first, {@code limit} (at most 100) at a time; page on
     * with the last one's id as {@code before}.
     */
    @RolesAllowed(Roles.OPERATOR)
    public List<WebhookDeliveryResponse> deliveries(String subscriptionId, Long before, int limit) {
        WebhookSubscription subscription = inOrganization(subscriptionId, callers.currentOperator(), false);
        if (limit < 1 || limit > MAX_LOG_PAGE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_LOG_PAGE);
        }
        List<Object[]> rows = em.createQuery("select d, e.type from WebhookDelivery d, WebhookEventRow e"
                        + " where e.id = d.eventId and d.subscriptionId = :id and d.id < :before order by d.id desc",
                        Object[].class)
                .setParameter("id", subscription.id())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(row -> view((WebhookDelivery) row[0], (WebhookEventType) row[1])).toList();
    }

    /** Queues a {@code test} event to this subscription alone; it goes out as every other event. */
    @RolesAllowed(Roles.OPERATOR)
    public WebhookDeliveryResponse sendTest(String subscriptionId) {
        WebhookSubscription subscription = inOrganization(subscriptionId, callers.currentOperator(), false);
        return view(outbox.queueTest(subscription), WebhookEventType.TEST);
    }

    private String url(String value) {
        String url = InvalidInput.requireText("url", value, MAX_URL_LENGTH).strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "The URL is not valid: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowsHttp())) {
            throw new InvalidInput("url", "The URL must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInput("url", "The URL must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidInput("url", "The URL may not carry a user name, password or #fragment");
        }
        if (!settings.allowsInternalAddresses()) {
            ReceiverAddresses.refusal(uri.getHost()).ifPresent(refusal -> {
                throw new InvalidInput("url", refusal);
            });
        }
        return url;
    }

    private static Set<WebhookEventType> eventTypes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInput("events", "Choose at least one event");
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            WebhookEventType type = WebhookEventType.fromWireName(name)
                    .filter(known -> known != WebhookEventType.TEST)
                    .orElseThrow(() -> new InvalidInput("events", "Unknown event " + name + "; known: "
                            + EnumSet.complementOf(EnumSet.of(WebhookEventType.TEST)).stream()
                            .map(WebhookEventType::wireName).collect(Collectors.joining(", "))));
            types.add(type);
        }
        return types;
    }

    private WebhookSubscription inOrganization(String subscriptionId, Agent operator, boolean toChange) {
        WebhookSubscription subscription = subscriptionId == null ? null : toChange
                ? em.find(WebhookSubscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(WebhookSubscription.class, subscriptionId);
        if (subscription == null || subscription.isDeleted()
                || !subscription.organizationId().equals(operator.organizationId())) {
            throw new WebhookNotFound();
        }
        return subscription;
    }

    private String creatorName(WebhookSubscription subscription) {
        Agent creator = em.find(Agent.class, subscription.createdBy());
        return creator == null ? null : creator.displayName();
    }

    private Map<String, String> creatorNames(List<WebhookSubscription> subscriptions) {
        Set<String> ids = subscriptions.stream().map(WebhookSubscription::createdBy).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from Agent a where a.id in :ids", Agent.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Agent::id, Agent::displayName));
    }

    private static WebhookSubscriptionResponse view(WebhookSubscription subscription, String createdBy) {
        return new WebhookSubscriptionResponse(subscription.id(), subscription.url(),
                subscription.eventTypes().stream().map(WebhookEventType::wireName).toList(),
                subscription.isEnabled(), Clock.iso(subscription.createdAt()), createdBy);
    }

    private static WebhookDeliveryResponse view(WebhookDelivery delivery, WebhookEventType type) {
        boolean pending = delivery.status() == DeliveryStatus.PENDING;
        return new WebhookDeliveryResponse(delivery.id(), delivery.eventId(), type.wireName(), delivery.status().name(),
                delivery.attempts(), delivery.responseStatus(), delivery.responseExcerpt(), delivery.lastError(),
                Clock.iso(delivery.createdAt()), Clock.iso(delivery.lastAttemptAt()),
                pending ? Clock.iso(delivery.nextAttemptAt()) : null, Clock.iso(delivery.deliveredAt()));
    }
}
