package org.carequeue.api.note;

import java.util.List;

/** A queue's whole note form, in order (a PUT replaces it; fields left out are removed with their notes). */
public record NoteFieldsRequest(List<NoteFieldRequest> fields) {
}
