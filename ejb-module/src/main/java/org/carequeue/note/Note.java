package org.carequeue.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/** The value of one note field for one audience, and who saved it last. */
@Entity
@Table(name = "audience_note")
public class Note {

    @Id
    private String id;
    @Column(name = "audience_id")
    private String audienceId;
    @Column(name = "field_id")
    private String fieldId;
    @Column(name = "note_value")
    private String text;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected Note() {
    }

    Note(String audienceId, String fieldId) {
        this.id = Ids.newId();
        this.audienceId = audienceId;
        this.fieldId = fieldId;
    }

    void write(String newText, String agentId) {
        this.text = newText;
        this.updatedBy = agentId;
        this.updatedAt = Clock.now();
    }

    String fieldId() {
        return fieldId;
    }

    String text() {
        return text;
    }
}
