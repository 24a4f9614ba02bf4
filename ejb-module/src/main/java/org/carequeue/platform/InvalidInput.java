package org.carequeue.platform;

import org.carequeue.api.problem.ErrorCode;

/** Input that breaks a rule of the contract; nothing was changed. */
public class InvalidInput extends BusinessException {

    private final String field;

    public InvalidInput(String detail) {
        this(null, detail);
    }

    /** Input refused because of one field, so that a form can show the sentence beside it. */
    public InvalidInput(String field, String detail) {
        this(ErrorCode.VALIDATION_FAILED, field, detail);
    }

    /** A refusal of one field with a more specific code (a name already taken, say). */
    protected InvalidInput(ErrorCode code, String field, String detail) {
        super(code, detail);
        this.field = field;
    }

    /** The request field at fault, when one is. */
    public String field() {
        return field;
    }

    /** A required text: present, not blank, at most {@code max} characters. */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return optionalText(field, value, max);
    }

    /**
     * An optional text: at most {@code max} characters when present, and no control characters
     * but tab and line breaks (PostgreSQL refuses U+0000, and none of them belongs in a chat).
     */
    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInput(field, field + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
            throw new InvalidInput(field, field + " contains a control character");
        }
        return value;
    }
}
