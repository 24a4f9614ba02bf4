package org.carequeue.api.message;

/**
 * A file or picture sent as a message. {@code url} and {@code thumbnailUrl} are paths on the
 * CareQueue host; both need the reader's bearer token (the customer token or an agent's).
 * {@code contentType} is what the file's bytes showed it to be, never what the sender declared;
 * {@code thumbnailUrl} is there only for pictures the server could scale down.
 */
public record AttachmentResponse(String id, String name, long size, String contentType, String url,
                                 String thumbnailUrl) {
}
