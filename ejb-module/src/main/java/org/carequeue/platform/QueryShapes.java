package org.carequeue.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists of parameters for queries that take one parameter (or one condition) per item, as the
 * batches of {@code GroupCommit} do. Unpadded, every batch size is a query text of its own:
 * EclipseLink parses a JPQL text again whenever its parse cache (200 texts, shared by all of the
 * application's queries, evicting at random) no longer holds it, which the profile of sustained
 * messages showed happening batch after batch; and PostgreSQL's driver prepares a statement on
 * the server only once the same text has come five times. Padded to a power of two by repeating
 * the last item, the batches of up to 64 take one of seven texts. The price is up to twice the
 * parameters (or {@code or} conditions) of the list itself.
 */
public final class QueryShapes {

    private QueryShapes() {
    }

    /**
     * The items, then the last one again until the size is a power of two. Only for conditions
     * that a repeated item does not change: {@code id in (...)}, or one condition per item joined
     * with {@code or}.
     */
    public static <T> List<T> padded(List<T> items) {
        if (items.isEmpty()) {
            return items;
        }
        int size = Integer.highestOneBit(items.size());
        if (size < items.size()) {
            size <<= 1;
        }
        if (size == items.size()) {
            return items;
        }
        List<T> padded = new ArrayList<>(size);
        padded.addAll(items);
        padded.addAll(Collections.nCopies(size - items.size(), items.get(items.size() - 1)));
        return padded;
    }
}
