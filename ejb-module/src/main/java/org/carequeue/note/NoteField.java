package org.carequeue.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carequeue.api.note.NoteFieldResponse;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;

/** One field of a queue's note form. A choice's options are stored one a line. */
@Entity
@Table(name = "note_field")
public class NoteField {

    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_OPTION_LENGTH = 100;
    public static final int MAX_OPTIONS = 50;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "queue_id")
    private String queueId;
    private String label;
    @Enumerated(EnumType.STRING)
    private NoteFieldKind kind;
    private String options;
    @Column(name = "sort_order")
    private int sortOrder;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected NoteField() {
    }

    NoteField(String organizationId, String queueId) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.queueId = queueId;
        this.createdAt = Clock.now();
    }

    /** {@code at} names the field in refusals, e.g. {@code fields[2].label}. */
    void define(String at, String newLabel, String newKind, List<String> newOptions, int order) {
        this.label = InvalidInput.requireText(at + ".label", newLabel == null ? null : newLabel.strip(),
                MAX_LABEL_LENGTH);
        this.kind = kind(at, newKind);
        this.options = kind == NoteFieldKind.CHOICE ? String.join("\n", options(at, newOptions)) : null;
        this.sortOrder = order;
    }

    private static NoteFieldKind kind(String at, String kind) {
        try {
            return NoteFieldKind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(at + ".kind", at + ".kind is TEXT, TEXTAREA or CHOICE");
        }
    }

    private static Set<String> options(String at, List<String> given) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String option : given == null ? List.<String>of() : given) {
            String o = InvalidInput.requireText(at + ".options", option == null ? null : option.strip(),
                    MAX_OPTION_LENGTH);
            if (o.contains("\n") || o.contains("\r")) {
                throw new InvalidInput(at + ".options", "an option is one line");
            }
            distinct.add(o);
        }
        if (distinct.isEmpty() || distinct.size() > MAX_OPTIONS) {
            throw new InvalidInput(at + ".options", "a choice has 1 to " + MAX_OPTIONS + " different options");
        }
        return distinct;
    }

    /** A value an agent entered, checked against the field; blank is no value (null). */
    String accept(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String checked = InvalidInput.optionalText(label, value, kind.maxLength());
        if (kind == NoteFieldKind.CHOICE && !optionList().contains(checked)) {
            throw new InvalidInput(id, label + " must be one of: " + String.join(", ", optionList()));
        }
        if (kind == NoteFieldKind.TEXT && (checked.contains("\n") || checked.contains("\r"))) {
            throw new InvalidInput(id, label + " is one line");
        }
        return checked;
    }

    List<String> optionList() {
        return options == null ? List.of() : List.of(options.split("\n"));
    }

    String id() {
        return id;
    }

    String queueId() {
        return queueId;
    }

    String label() {
        return label;
    }

    NoteFieldKind kind() {
        return kind;
    }

    NoteFieldResponse view() {
        return new NoteFieldResponse(id, label, kind.name(), optionList());
    }
}
