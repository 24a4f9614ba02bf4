package org.carequeue.web.admin.queues;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.carequeue.api.note.NoteFieldRequest;
import org.carequeue.api.note.NoteFieldResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.note.Notes;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/**
 * The "Note fields" dialog of a queue: its note form edited as rows (add, remove, move) and saved
 * in one go. Rows keep their field id, so saving keeps the notes of the fields that stay.
 */
@Named
@ViewScoped
public class NoteFieldsBacking implements Serializable {

    @Inject
    Notes notes;

    private String queueId;
    private String queueName;
    private List<Row> rows = new ArrayList<>();

    public void start(QueueResponse queue) {
        queueId = queue.id();
        queueName = queue.name();
        try {
            rows = new ArrayList<>(notes.fields(queue.id()).stream().map(Row::of).toList());
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void add() {
        rows.add(new Row());
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    public void moveUp(Row row) {
        int at = rows.indexOf(row);
        if (at > 0) {
            Collections.swap(rows, at, at - 1);
        }
    }

    public void save() {
        try {
            List<NoteFieldResponse> saved = notes.replaceFields(queueId, rows.stream().map(Row::request).toList());
            rows = new ArrayList<>(saved.stream().map(Row::of).toList());
            Feedback.info(queueName + " has " + saved.size() + " note field(s).");
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public String getQueueName() {
        return queueName;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** One field as the dialog edits it; a choice's options are typed one a line. */
    public static class Row implements Serializable {

        private String id;
        private String label;
        private String kind = "TEXT";
        private String options;

        static Row of(NoteFieldResponse field) {
            Row row = new Row();
            row.id = field.id();
            row.label = field.label();
            row.kind = field.kind();
            row.options = String.join("\n", field.options());
            return row;
        }

        NoteFieldRequest request() {
            List<String> optionList = options == null ? List.of()
                    : Arrays.stream(options.split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList();
            return new NoteFieldRequest(id, label, kind, "CHOICE".equals(kind) ? optionList : null);
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }
    }
}
