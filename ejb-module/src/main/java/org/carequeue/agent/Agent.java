package org.carequeue.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import org.carequeue.organization.OrganizationRole;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/** A staff account of one organization. The password is only ever held as a PBKDF2 hash. */
@Entity
public class Agent {

    public static final int MAX_USERNAME_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private OrganizationRole role;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    private String email;
    @Column(name = "alert_sound")
    private boolean alertSound = true;
    @Column(name = "alert_desktop")
    private boolean alertDesktop = true;
    @Column(name = "alert_email")
    private boolean alertEmail;
    @Column(name = "removed_at")
    private OffsetDateTime removedAt;

    protected Agent() {
    }

    public Agent(String organizationId, String username, String displayName, String email, String passwordHash,
                 OrganizationRole role) {
        this.id = Ids.newId();
        this.email = email;
        this.organizationId = organizationId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Clock.now();
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public OrganizationRole role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean isOperator() {
        return role != OrganizationRole.AGENT;
    }

    public String email() {
        return email;
    }

    public boolean alertSound() {
        return alertSound;
    }

    public boolean alertDesktop() {
        return alertDesktop;
    }

    public boolean alertEmail() {
        return alertEmail;
    }

    void changeAlerts(boolean sound, boolean desktop, boolean email) {
        this.alertSound = sound;
        this.alertDesktop = desktop;
        this.alertEmail = email;
    }

    /** An invited agent chooses their password. */
    void choosePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void changeRole(OrganizationRole role) {
        this.role = role;
    }

    /** Leaves the organization: no more sign-ins, but the name stays behind past audiences. */
    void remove() {
        if (removedAt == null) {
            removedAt = Clock.now();
        }
    }

    public boolean isRemoved() {
        return removedAt != null;
    }
}
