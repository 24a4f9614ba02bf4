package org.carequeue.cannedmessage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;

/**
 * A saved answer: a keyword and its message. Personal when it has an agent, organization-wide
 * otherwise; {@code ownerId} (the agent's or the organization's id) carries the uniqueness of the
 * keyword.
 */
@Entity
@Table(name = "canned_message")
public class CannedMessage {

    public static final int MAX_KEYWORD_LENGTH = 32;
    public static final int MAX_MESSAGE_LENGTH = 2_000;
    private static final Pattern KEYWORD = Pattern.compile("[a-z0-9]{1," + MAX_KEYWORD_LENGTH + "}");

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "owner_id")
    private String ownerId;
    private String keyword;
    private String message;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected CannedMessage() {
    }

    private CannedMessage(String organizationId, String agentId, String keyword, String message) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.agentId = agentId;
        this.ownerId = agentId == null ? organizationId : agentId;
        this.createdAt = Clock.now();
        change(keyword, message);
    }

    static CannedMessage personal(String organizationId, String agentId, String keyword, String message) {
        return new CannedMessage(organizationId, agentId, keyword, message);
    }

    static CannedMessage organizationWide(String organizationId, String keyword, String message) {
        return new CannedMessage(organizationId, null, keyword, message);
    }

    void change(String newKeyword, String newMessage) {
        this.keyword = requireKeyword(newKeyword);
        this.message = InvalidInput.requireText("message", newMessage, MAX_MESSAGE_LENGTH);
    }

    /** Lowercase letters and digits only: what can follow "/" in the composer without ambiguity. */
    static String requireKeyword(String keyword) {
        if (keyword == null || keyword.isEmpty()) {
            throw new InvalidInput("keyword", "keyword is required");
        }
        if (!KEYWORD.matcher(keyword).matches()) {
            throw new InvalidInput("keyword", "keyword may hold only lowercase letters a-z and digits, "
                    + MAX_KEYWORD_LENGTH + " at most");
        }
        return keyword;
    }

    boolean isPersonal() {
        return agentId != null;
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String agentId() {
        return agentId;
    }

    String ownerId() {
        return ownerId;
    }

    String keyword() {
        return keyword;
    }

    CannedMessageResponse view() {
        return new CannedMessageResponse(id, keyword, message,
                isPersonal() ? CannedMessageResponse.PERSONAL : CannedMessageResponse.ORGANIZATION);
    }
}
