package org.carequeue.audience;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carequeue.platform.InvalidInput;

/**
 * Questionnaire answers and metadata a customer brings along: small string maps, checked for size
 * and stored as JSON text.
 */
public final class CustomerFacts {

    static final int MAX_ENTRIES = 50;
    static final int MAX_KEY_LENGTH = 100;
    static final int MAX_VALUE_LENGTH = 1_000;
    /** The column size of pre_answers and metadata. */
    static final int MAX_JSON_LENGTH = 20_000;
    private static final Jsonb JSON = JsonbBuilder.create();

    private CustomerFacts() {
    }

    public static String toJson(String field, Map<String, String> facts) {
        if (facts == null || facts.isEmpty()) {
            return null;
        }
        if (facts.size() > MAX_ENTRIES) {
            throw new InvalidInput(field + " may hold at most " + MAX_ENTRIES + " entries");
        }
        facts.forEach((key, value) -> {
            InvalidInput.requireText(field + " key", key, MAX_KEY_LENGTH);
            InvalidInput.optionalText(field + "." + key, value, MAX_VALUE_LENGTH);
        });
        String json = JSON.toJson(facts);
        if (json.length() > MAX_JSON_LENGTH) {
            throw new InvalidInput(field + " is larger than " + MAX_JSON_LENGTH + " characters in all");
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> fromJson(String json) {
        if (json == null) {
            return Map.of();
        }
        return JSON.fromJson(json, LinkedHashMap.class);
    }
}
