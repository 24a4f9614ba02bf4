package org.carequeue.web.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * How JSON request bodies are read: an empty body means "no body" ({@code null}), so optional
 * bodies such as pick's {@code {audienceId?}} may be left out (required ones are refused by
 * {@link Bodies#required}); a body larger than {@link #MAX_BYTES} is refused with 413 before it is
 * read into memory.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    /** Room for the longest message text (10,000 characters, up to 4 bytes each) and its envelope. */
    public static final int MAX_BYTES = 64 * 1024;
    /** How much of an over-size body is read and dropped so that the client receives the 413. */
    static final int DRAIN_BYTES = 4 * 1024 * 1024;
    /** Looked up once: {@code Json.createReader} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = new Limited(context.getInputStream()).readAllBytes();
        if (body.length == 0) {
            body = "null".getBytes(StandardCharsets.US_ASCII);
        } else if (context.getType() != String.class) {
            requireWholeJson(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (JsonbException | JsonException | ProcessingException e) {
            throw new Unreadable(e);
        }
    }

    /**
     * Reads the body with the JSON parser before JSON-B binds it: Yasson skips a field it does not
     * know by skipping its value, and when the body ends inside that value ({@code {"x":{}) it loops
     * for ever, holding the request's thread (found by fuzzing the chat socket's frames). The
     * parser refuses such a body instead. The body is at most {@link #MAX_BYTES}.
     */
    public static void requireWholeJson(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            reader.readValue();
        } catch (JsonException | NumberFormatException e) {
            throw new Unreadable(e);
        }
    }

    /** The body could not be read as the expected JSON: the client's mistake (400), unlike a failure writing a response. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(Throwable cause) {
            super("Unreadable request body", cause);
        }
    }

    /** Counts what is read and stops at the limit, whatever Content-Length claimed. */
    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b == -1 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_BYTES) {
                // Read (and drop) what the client is still sending, up to a bound: closing on unread
                // data resets the connection and the client would never see the 413.
                long drained = 0;
                byte[] sink = new byte[8192];
                int r;
                while (drained < DRAIN_BYTES && (r = in.read(sink)) != -1) {
                    drained += r;
                }
                throw new TooLarge();
            }
        }
    }

    /** The body passed {@link #MAX_BYTES}; JSON parsers wrap it, so mappers look for it among the causes. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("Request body larger than " + MAX_BYTES + " bytes");
        }
    }
}
