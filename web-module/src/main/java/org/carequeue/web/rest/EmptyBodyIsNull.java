package org.carequeue.web.rest;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lets an empty JSON body mean "no body" ({@code null}) instead of a parse error, so optional
 * bodies such as pick's {@code {audienceId?}} may be left out; required ones are then refused by
 * {@link Bodies#required}.
 */
@Provider
public class EmptyBodyIsNull implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream body = new PushbackInputStream(context.getInputStream(), 1);
        int first = body.read();
        if (first == -1) {
            context.setInputStream(new ByteArrayInputStream("null".getBytes(StandardCharsets.US_ASCII)));
        } else {
            body.unread(first);
            context.setInputStream(body);
        }
        return context.proceed();
    }
}
