package org.carequeue.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Cursor paging of the API's lists: {@code limit} (default 50, at most 200) and an opaque
 * {@code cursor} that holds the sort key of the last row handed out, so a page never repeats or
 * skips rows when rows are added meanwhile (unlike an offset).
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEPARATOR = "\n";

    private Cursors() {
    }

    /** The page size a client asked for, as text so that a malformed one is refused like any input. */
    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the same sentence as a number out of range
        }
        throw new InvalidInput("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static String encode(String... sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key in a cursor, or {@code null} for the first page (no cursor). */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            if (sortKey.length == parts) {
                return Arrays.asList(sortKey);
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new InvalidInput("cursor", "cursor is not one this list handed out");
    }
}
