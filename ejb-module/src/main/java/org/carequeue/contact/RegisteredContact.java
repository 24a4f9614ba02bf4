package org.carequeue.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/**
 * A contact form a customer left in a queue: who they are, how to reach them and their message,
 * kept as sent. Only the members' comment changes afterwards, with who wrote it and when.
 */
@Entity
@Table(name = "registered_contact")
public class RegisteredContact {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "queue_id")
    private String queueId;
    private String name;
    private String email;
    private String phone;
    private String message;
    /** The questionnaire's answers as JSON text, or null. */
    private String answers;
    @Column(name = "registered_at")
    private OffsetDateTime registeredAt;
    @Column(name = "agent_comment")
    private String comment;
    @Column(name = "commented_by")
    private String commentedBy;
    @Column(name = "commented_at")
    private OffsetDateTime commentedAt;
    /** The site whose widget the contact came through, if any. */
    @Column(name = "site_key")
    private String siteKey;

    protected RegisteredContact() {
    }

    RegisteredContact(String organizationId, String queueId, String name, String email, String phone, String message,
                      String answers) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.queueId = queueId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.message = message;
        this.answers = answers;
        this.registeredAt = Clock.now();
    }

    /** The contact came through this site's widget (checked by the caller: it offers the queue). */
    void cameThrough(String siteKey) {
        this.siteKey = siteKey;
    }

    void comment(String text, String agentId) {
        this.comment = text;
        this.commentedBy = agentId;
        this.commentedAt = Clock.now();
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String queueId() {
        return queueId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String message() {
        return message;
    }

    public String answers() {
        return answers;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }

    public String comment() {
        return comment;
    }

    public String commentedBy() {
        return commentedBy;
    }

    public OffsetDateTime commentedAt() {
        return commentedAt;
    }
}
