package org.carequeue.api.tag;

import java.util.List;

/** The complete set of tags an audience should carry (a PUT replaces the set). */
public record AudienceTagsRequest(List<String> tagIds) {
}
