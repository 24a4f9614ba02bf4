package org.carequeue.api.contact;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.Map;

/**
 * A customer's contact form, left in a queue instead of waiting (when it is closed, say): a name,
 * the message, and at least one way to reach them. {@code preAnswers} is the questionnaire's
 * answers, a small string map as in a request; {@code siteKey} the site whose widget it came through
 * (it must offer the queue).
 */
public record ContactRequest(String name, String email, String phone, String message, Map<String, String> preAnswers,
                             String siteKey) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_PHONE_LENGTH = 40;
    public static final int MAX_MESSAGE_LENGTH = 10_000;

    /** The one JSON-B reads bodies with (a record with two constructors needs telling). */
    @JsonbCreator
    public ContactRequest {
    }

    /** A contact left without a site's widget. */
    public ContactRequest(String name, String email, String phone, String message, Map<String, String> preAnswers) {
        this(name, email, phone, message, preAnswers, null);
    }
}
