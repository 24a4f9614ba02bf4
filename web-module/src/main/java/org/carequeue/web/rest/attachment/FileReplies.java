package org.carequeue.web.rest.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.carequeue.message.Download;

/**
 * The headers a stored file is served with, by the API and by the desk alike: the type its bytes
 * showed, never sniffed again by the browser; pictures shown inline, anything else only
 * downloaded; the name as a quoted ASCII fallback and in full as RFC 5987 {@code filename*}; and a
 * sandbox, so that even a file a browser opens by itself can run nothing.
 */
public final class FileReplies {

    private FileReplies() {
    }

    public static Map<String, String> headers(Download file) {
        return Map.of(
                "Content-Type", file.contentType(),
                "Content-Disposition", contentDisposition(file),
                "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", "default-src 'none'; sandbox",
                // Files never change; only the reader's own browser may keep them.
                "Cache-Control", "private, max-age=3600");
    }

    static String contentDisposition(Download file) {
        return (file.picture() ? "inline" : "attachment") + "; filename=\"" + asciiFallback(file.fileName())
                + "\"; filename*=UTF-8''" + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A");
    }

    /** The stored name is already safe (no controls, no separators); quotes and backslashes and non-ASCII become {@code _}. */
    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return ascii.toString();
    }
}
