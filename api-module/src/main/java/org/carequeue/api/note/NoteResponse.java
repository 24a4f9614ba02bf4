package org.carequeue.api.note;

import java.util.List;

/** A field of the audience's note form with the value saved for the audience (null when empty). */
public record NoteResponse(String fieldId, String label, String kind, List<String> options, String value) {
}
