package org.carequeue.api.cannedmessage;

/** A canned message; {@code scope} is {@code personal} or {@code organization}. */
public record CannedMessageResponse(String id, String keyword, String message, String scope) {

    public static final String PERSONAL = "personal";
    public static final String ORGANIZATION = "organization";
}
