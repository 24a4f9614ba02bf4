package org.carequeue.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/** One request made with an API key, and the HTTP status it got. Written once, never changed. */
@Entity
@Table(name = "api_key_use")
public class ApiKeyUse {

    static final int MAX_PATH_LENGTH = 500;

    @Id
    private String id;
    @Column(name = "api_key_id")
    private String apiKeyId;
    @Column(name = "used_at")
    private OffsetDateTime usedAt;
    private String method;
    private String path;
    private int outcome;

    protected ApiKeyUse() {
    }

    ApiKeyUse(String apiKeyId, String method, String path, int outcome) {
        this.id = Ids.newId();
        this.apiKeyId = apiKeyId;
        this.usedAt = Clock.now();
        this.method = method.length() > 10 ? method.substring(0, 10) : method;
        this.path = path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) : path;
        this.outcome = outcome;
    }
}
