package org.carequeue.api.site;

import java.util.Map;

/**
 * One choice of a SELECT, RADIO or CHECKBOX field: the {@code value} the answer carries and its
 * label per language ({@code fi}, {@code en}, {@code sv}).
 */
public record FieldOption(String value, Map<String, String> label) {
}
