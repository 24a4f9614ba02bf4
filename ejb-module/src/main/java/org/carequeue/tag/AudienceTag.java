package org.carequeue.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/** A tag on an audience: by an agent, or ({@code addedBy} null) by a rule from the customer's answers. */
@Entity
@Table(name = "audience_tag")
public class AudienceTag {

    @Id
    private String id;
    @Column(name = "audience_id")
    private String audienceId;
    @Column(name = "tag_id")
    private String tagId;
    @Column(name = "added_at")
    private OffsetDateTime addedAt;
    @Column(name = "added_by")
    private String addedBy;

    protected AudienceTag() {
    }

    AudienceTag(String audienceId, String tagId, String addedBy) {
        this.id = Ids.newId();
        this.audienceId = audienceId;
        this.tagId = tagId;
        this.addedBy = addedBy;
        this.addedAt = Clock.now();
    }

    String tagId() {
        return tagId;
    }
}
