package org.carequeue.web.rest.history;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.carequeue.api.history.TranscriptResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.api.tag.TagResponse;

/**
 * A transcript as one CSV file (RFC 4180, UTF-8, CRLF): first the facts of the audience as
 * {@code field,value} rows (a tag, note, answer or metadata entry per row), then an empty row, then
 * a header row and one row per message in order ({@code seq,time,role,sender,text,attachment,type,size}).
 * Every cell that holds text someone typed and starts with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, so a spreadsheet shows it and never runs it as a formula.
 */
public final class TranscriptCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private TranscriptCsv() {
    }

    public static String fileName(TranscriptResponse t) {
        return "transcript-" + t.id() + ".csv";
    }

    public static String of(TranscriptResponse t) {
        StringBuilder csv = new StringBuilder();
        row(csv, "field", "value");
        row(csv, "audience", t.id());
        row(csv, "customer", text(t.customerName()));
        row(csv, "queue", text(t.queueName()));
        row(csv, "state", t.state());
        row(csv, "agents", text(String.join("; ", t.agents())));
        row(csv, "requested", t.requestedAt());
        row(csv, "picked", t.pickedAt());
        row(csv, "ended", t.endedAt());
        row(csv, "completed", t.completedAt());
        if (t.transcriptDeletedAt() != null) {
            row(csv, "deleted by retention", t.transcriptDeletedAt());
        }
        row(csv, "rating", t.rating() == null ? null : String.valueOf(t.rating()));
        for (TagResponse tag : t.tags()) {
            row(csv, "tag", text(tag.path()));
        }
        for (NoteResponse note : t.notes()) {
            row(csv, text("note: " + note.label()), text(note.value()));
        }
        entries(csv, "pre-answer: ", t.preAnswers());
        entries(csv, "post-answer: ", t.postAnswers());
        entries(csv, "metadata: ", t.metadata());
        entries(csv, "secure metadata: ", t.secureMetadata());
        csv.append("\r\n");
        row(csv, "seq", "time", "role", "sender", "text", "attachment", "type", "size");
        for (MessageResponse m : t.messages()) {
            AttachmentResponse file = m.attachment();
            row(csv, String.valueOf(m.seq()), m.sentAt(), m.from().role(), text(m.from().name()), text(m.text()),
                    file == null ? null : text(file.name()), file == null ? null : file.contentType(),
                    file == null ? null : String.valueOf(file.size()));
        }
        return csv.toString();
    }

    private static void entries(StringBuilder csv, String prefix, Map<String, String> entries) {
        entries.forEach((key, value) -> row(csv, text(prefix + key), text(value)));
    }

    /** Typed text, defused: a leading formula character is shown as text. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(Arrays.stream(cells).map(TranscriptCsv::quoted).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
