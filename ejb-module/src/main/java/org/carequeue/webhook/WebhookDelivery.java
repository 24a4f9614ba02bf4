package org.carequeue.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One event's delivery to one subscription: the outbox row, written in the transaction of the
 * change. It is PENDING until a 2xx answer (DELIVERED) or until retries run out (FAILED).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    static final int MAX_EXCERPT = 500;

    /** One at a time from the database, so ids follow the order an audience's events were written. */
    @Id
    @SequenceGenerator(name = "webhook_delivery", sequenceName = "webhook_delivery_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery")
    private Long id;
    @Column(name = "subscription_id")
    private String subscriptionId;
    @Column(name = "event_id")
    private String eventId;
    /** Deliveries with the same key (an audience, a queue) go out one after the other, in id order. */
    @Column(name = "ordering_key")
    private String orderingKey;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;
    @Column(name = "response_status")
    private Integer responseStatus;
    @Column(name = "response_excerpt")
    private String responseExcerpt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;
    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String subscriptionId, String eventId, String orderingKey, OffsetDateTime now) {
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.orderingKey = orderingKey;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** A 2xx answer: done. */
    void delivered(int httpStatus, String excerpt, OffsetDateTime now) {
        attempted(httpStatus, excerpt, null, now);
        status = DeliveryStatus.DELIVERED;
        deliveredAt = now;
    }

    /**
     * Another answer, or none: retried at {@code retryAt}, or FAILED when that is past the give-up
     * time (a day after the event by default).
     */
    void attemptFailed(Integer httpStatus, String excerpt, String error, OffsetDateTime now,
                       OffsetDateTime retryAt, OffsetDateTime giveUpAt) {
        attempted(httpStatus, excerpt, error, now);
        if (retryAt.isAfter(giveUpAt)) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    private void attempted(Integer httpStatus, String excerpt, String error, OffsetDateTime now) {
        attempts++;
        lastAttemptAt = now;
        leaseUntil = null;
        responseStatus = httpStatus;
        responseExcerpt = cut(excerpt);
        lastError = cut(error);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT);
    }

    Long id() {
        return id;
    }

    String subscriptionId() {
        return subscriptionId;
    }

    String eventId() {
        return eventId;
    }

    DeliveryStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    Integer responseStatus() {
        return responseStatus;
    }

    String responseExcerpt() {
        return responseExcerpt;
    }

    String lastError() {
        return lastError;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    OffsetDateTime lastAttemptAt() {
        return lastAttemptAt;
    }

    OffsetDateTime deliveredAt() {
        return deliveredAt;
    }
}
