package org.carequeue.api.note;

import java.util.List;

/** The audience's notes: every field of its queue's note form, in order, with its value. */
public record AudienceNotesResponse(String audienceId, List<NoteResponse> notes) {
}
