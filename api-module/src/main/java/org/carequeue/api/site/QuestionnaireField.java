package org.carequeue.api.site;

import java.util.List;
import java.util.Map;

/**
 * A field of a site's pre- or post-audience questionnaire, as operators edit it. {@code name} is
 * the key of the answer ({@code preAnswers[name]}); {@code label} is per language ({@code fi},
 * {@code en}, {@code sv}); {@code type} is {@code TEXT}, {@code TEXTAREA}, {@code SELECT},
 * {@code RADIO} or {@code CHECKBOX}; {@code options} only for the last three (a CHECKBOX without
 * options is a single yes/no box).
 */
public record QuestionnaireField(String name, Map<String, String> label, String type, boolean required,
                                 List<FieldOption> options) {

    public static final String TEXT = "TEXT";
    public static final String TEXTAREA = "TEXTAREA";
    public static final String SELECT = "SELECT";
    public static final String RADIO = "RADIO";
    public static final String CHECKBOX = "CHECKBOX";
}
