package org.carequeue.web.admin.webhooks;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookDeliveryResponse;
import org.carequeue.api.webhook.WebhookEventType;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.api.webhook.WebhookSubscriptionResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;
import org.carequeue.webhook.Webhooks;

/**
 * Webhook subscriptions: create one (its secret is shown in a dialog, once, and forgotten when it
 * closes), enable, disable or delete one, send it a test event and read its delivery log.
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final int LOG_PAGE = 50;

    @Inject
    Webhooks webhooks;

    private String url;
    private List<String> events = new ArrayList<>();
    private transient List<WebhookSubscriptionResponse> all;
    /** The subscription just created, until its secret's dialog is closed. */
    private NewWebhookSubscriptionResponse created;
    /** The subscription whose delivery log is shown. */
    private String selectedId;
    private transient List<WebhookDeliveryResponse> deliveries;

    public void startCreate() {
        url = null;
        events = new ArrayList<>();
    }

    public void create() {
        try {
            created = webhooks.subscribe(new WebhookSubscriptionRequest(url, events));
            selectedId = created.subscription().id();
            all = null;
            deliveries = null;
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, "subscriptionForm");
        }
    }

    /** The secret's dialog closed: it is forgotten. */
    public void forgetSecret() {
        created = null;
    }

    public void select(WebhookSubscriptionResponse subscription) {
        selectedId = subscription.id();
        deliveries = null;
    }

    public void enable(WebhookSubscriptionResponse subscription, boolean enabled) {
        try {
            webhooks.enable(subscription.id(), enabled);
            all = null;
            Feedback.info(subscription.url() + (enabled ? " is enabled." : " is disabled: it gets no new events."));
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void delete(WebhookSubscriptionResponse subscription) {
        try {
            webhooks.delete(subscription.id());
            all = null;
            if (subscription.id().equals(selectedId)) {
                selectedId = null;
                deliveries = null;
            }
            Feedback.info(subscription.url() + " is deleted.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void sendTest(WebhookSubscriptionResponse subscription) {
        try {
            webhooks.sendTest(subscription.id());
            selectedId = subscription.id();
            deliveries = null;
            Feedback.info("A test event is on its way to " + subscription.url() + ".");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** Reads the delivery log again. */
    public void refresh() {
        deliveries = null;
    }

    /** The admin has no script to localize times: they are shown in UTC. */
    public String when(String isoTime) {
        return isoTime == null ? "" : OffsetDateTime.parse(isoTime).withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    public String eventList(WebhookSubscriptionResponse subscription) {
        return String.join(", ", subscription.events());
    }

    public List<String> getEventTypes() {
        return Arrays.stream(WebhookEventType.values()).filter(type -> type != WebhookEventType.TEST)
                .map(WebhookEventType::wireName).toList();
    }

    public List<WebhookSubscriptionResponse> getAll() {
        if (all == null) {
            all = webhooks.list();
        }
        return all;
    }

    public WebhookSubscriptionResponse getSelected() {
        return selectedId == null ? null
                : getAll().stream().filter(s -> s.id().equals(selectedId)).findFirst().orElse(null);
    }

    public List<WebhookDeliveryResponse> getDeliveries() {
        if (deliveries == null) {
            deliveries = selectedId == null ? List.of() : webhooks.deliveries(selectedId, null, LOG_PAGE);
        }
        return deliveries;
    }

    public NewWebhookSubscriptionResponse getCreated() {
        return created;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }
}
