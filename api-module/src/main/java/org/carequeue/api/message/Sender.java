package org.carequeue.api.message;

/** Who wrote a message: {@code role} is {@code agent}, {@code customer} or {@code system}. */
public record Sender(String role, String name) {
}
