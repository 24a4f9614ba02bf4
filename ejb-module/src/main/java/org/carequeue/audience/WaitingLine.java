package org.carequeue.audience;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order customers are served in: first come, first served, by request time; the id breaks
 * ties so that every node computes the same positions. Queries that list or pick waiting
 * customers sort by {@link #JPQL_ORDER}, the same order as {@link #positions}.
 */
public final class WaitingLine {

    /** {@link #ORDER} as a JPQL clause over an audience aliased {@code a}. */
    static final String JPQL_ORDER = " order by a.requestedAt, a.id";
    /** {@link #ORDER} as an SQL clause over the audience table. */
    static final String SQL_ORDER = " order by requested_at, id";

    /** One waiting request. */
    public record Waiting(String audienceId, OffsetDateTime requestedAt) {
    }

    static final Comparator<Waiting> ORDER = Comparator.comparing(Waiting::requestedAt)
            .thenComparing(Waiting::audienceId);

    private WaitingLine() {
    }

    /** 1-based positions, in serving order. */
    public static Map<String, Integer> positions(List<Waiting> waiting) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        waiting.stream().sorted(ORDER).forEach(w -> positions.put(w.audienceId(), positions.size() + 1));
        return positions;
    }
}
