package org.carequeue.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.carequeue.api.webhook.WebhookEventType;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/**
 * An operator's subscription of a URL to event types. Its secret signs every delivery; it leaves
 * the server once, in the answer that creates the subscription. A disabled subscription gets no
 * new deliveries; the ones already queued wait until it is enabled again. A deleted one keeps its
 * row, disabled and marked, so that a change that read it as a subscriber just before can still
 * commit its delivery row.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String url;
    /** Wire names, comma-separated. */
    @Column(name = "event_types")
    private String eventTypes;
    private String secret;
    private boolean enabled;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String organizationId, String url, Set<WebhookEventType> types, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.url = url;
        this.eventTypes = types.stream().sorted().map(WebhookEventType::wireName).collect(Collectors.joining(","));
        this.secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    void enable(boolean on) {
        this.enabled = on;
    }

    /** Disabled and marked for good; its secret is gone, as nothing may be signed with it again. */
    void delete() {
        this.enabled = false;
        this.secret = "";
        this.deletedAt = Clock.now();
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    boolean wants(WebhookEventType type) {
        return enabled && eventTypes().contains(type);
    }

    Set<WebhookEventType> eventTypes() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(eventTypes.split(",")).map(WebhookEventType::fromWireName)
                .forEach(type -> type.ifPresent(types::add));
        return types;
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    boolean isEnabled() {
        return enabled;
    }

    String createdBy() {
        return createdBy;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }
}
