package org.carequeue.web.rest;

import org.carequeue.platform.InvalidInput;

/** Request bodies as JAX-RS hands them over: an empty body arrives as {@code null}. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInput("A JSON request body is required");
        }
        return body;
    }
}
