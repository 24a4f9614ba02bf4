package org.carequeue.message;

/** A file as a sender handed it over: the name they gave it (only a hint) and its bytes. */
public record Upload(String fileName, byte[] bytes) {
}
