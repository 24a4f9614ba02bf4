package org.carequeue.api.note;

import java.util.List;

/** One field of a queue's note form. */
public record NoteFieldResponse(String id, String label, String kind, List<String> options) {
}
