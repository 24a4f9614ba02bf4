package org.carequeue.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.carequeue.platform.InvalidInput;

/**
 * Web origins as browsers send them in the {@code Origin} header: {@code scheme://host[:port]},
 * lowercase, without the scheme's default port, path, query or user. An allowed origin is stored
 * in exactly that form, so a header is compared as it comes.
 */
public final class Origins {

    static final int MAX_LENGTH = 300;

    private Origins() {
    }

    /** The origin in its canonical form, or refused with the field named. */
    public static String canonical(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new InvalidInput(field, "An origin is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput(field, "An origin is at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInput(field, value + " is not scheme://host[:port]");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidInput(field, value + ": an origin starts with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new InvalidInput(field, value + " is not scheme://host[:port]");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidInput(field, value + ": an origin has no path, query or fragment (just scheme://host[:port])");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * Whether a request's {@code Origin} is the server's own: the same authority as its
     * {@code Host} header (the scheme is the connection's; a proxy in front keeps the Host).
     */
    public static boolean sameOrigin(String origin, String host) {
        try {
            return origin != null && host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
