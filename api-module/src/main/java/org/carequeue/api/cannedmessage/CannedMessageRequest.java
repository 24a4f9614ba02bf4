package org.carequeue.api.cannedmessage;

/**
 * A canned message to create or replace. {@code keyword}: lowercase letters and digits, 1-32;
 * {@code message}: at most 2,000 characters; {@code scope}: {@code personal} (the default) or
 * {@code organization} (operators only). The scope of an existing message cannot change.
 */
public record CannedMessageRequest(String keyword, String message, String scope) {
}
