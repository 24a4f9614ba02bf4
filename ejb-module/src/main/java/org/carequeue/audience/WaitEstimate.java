package org.carequeue.audience;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An honest estimate of a waiting customer's wait, from the queue's recent picks, or none.
 *
 * <p>How: the picks of the last {@link #WINDOW} in this queue give the gaps between consecutive
 * picks; the time since the latest pick counts as one more gap (it is at least that long, so a
 * queue whose agents stopped picking raises the estimate instead of promising the old pace). The
 * estimate is the customer's position times the median gap, the median because one long lunch
 * break or a burst of picks must not swing it. Fewer than {@link #MIN_PICKS} picks in the window
 * is not enough history: no estimate, rather than a made-up one.
 */
public final class WaitEstimate {

    static final Duration WINDOW = Duration.ofHours(2);
    static final int MIN_PICKS = 5;

    private final Long secondsPerPick;

    private WaitEstimate(Long secondsPerPick) {
        this.secondsPerPick = secondsPerPick;
    }

    /**
     * From the pick times of the window (any order) at {@code now}.
     *
     * @param picks when the queue's customers were picked, within {@link #WINDOW} before {@code now}
     */
    static WaitEstimate fromPicks(List<OffsetDateTime> picks, OffsetDateTime now) {
        if (picks.size() < MIN_PICKS) {
            return new WaitEstimate(null);
        }
        List<OffsetDateTime> ordered = new ArrayList<>(picks);
        Collections.sort(ordered);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            gaps.add(Duration.between(ordered.get(i - 1), ordered.get(i)).toMillis());
        }
        gaps.add(Math.max(0, Duration.between(ordered.get(ordered.size() - 1), now).toMillis()));
        Collections.sort(gaps);
        int middle = gaps.size() / 2;
        long medianMillis = gaps.size() % 2 == 1 ? gaps.get(middle) : (gaps.get(middle - 1) + gaps.get(middle)) / 2;
        // At least a second a place: several picks in the same instant do not promise no wait at all.
        return new WaitEstimate(Math.max(1, Math.round(medianMillis / 1000.0)));
    }

    /** Seconds until a customer at this 1-based position is likely picked, or null without enough history. */
    Integer secondsAt(Integer position) {
        if (secondsPerPick == null || position == null) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, secondsPerPick * position);
    }
}
