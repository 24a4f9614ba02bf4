package org.carequeue.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.api.webhook.WebhookEventType;

/** One event as it goes out: its body is fixed when it is written, so every attempt sends the same bytes. */
@Entity
@Table(name = "webhook_event")
public class WebhookEventRow {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private WebhookEventType type;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    private String body;

    protected WebhookEventRow() {
    }

    WebhookEventRow(String id, String organizationId, WebhookEventType type, OffsetDateTime occurredAt, String body) {
        this.id = id;
        this.organizationId = organizationId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.body = body;
    }

    String id() {
        return id;
    }

    WebhookEventType type() {
        return type;
    }

    String body() {
        return body;
    }
}
