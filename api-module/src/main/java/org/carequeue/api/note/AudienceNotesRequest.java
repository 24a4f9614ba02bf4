package org.carequeue.api.note;

import java.util.Map;

/**
 * Notes to save on an audience, by field id. Fields not named keep their value; an empty or null
 * value clears the field.
 */
public record AudienceNotesRequest(Map<String, String> values) {
}
