package org.carequeue.api.audience;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.Map;

/**
 * A customer's arrival in a queue: everything is optional. {@code preAnswers} and {@code metadata}
 * are small string maps (at most 50 entries). {@code secureMetadata} is the organization's server's
 * word about the customer, encrypted. {@code siteKey} names the site whose widget the customer
 * came through (it must offer the queue).
 */
public record CustomerRequest(String name, String message, Map<String, String> metadata,
                              String secureMetadata, Map<String, String> preAnswers, String siteKey) {

    /** The one JSON-B reads bodies with (a record with two constructors needs telling). */
    @JsonbCreator
    public CustomerRequest {
    }

    /** A request that did not come through a site's widget. */
    public CustomerRequest(String name, String message, Map<String, String> metadata, String secureMetadata,
                           Map<String, String> preAnswers) {
        this(name, message, metadata, secureMetadata, preAnswers, null);
    }
}
