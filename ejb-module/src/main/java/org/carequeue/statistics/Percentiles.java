package org.carequeue.statistics;

/** Percentiles of sorted values, interpolating linearly between the closest ranks (as SQL's percentile_cont). */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The {@code p}-th percentile ({@code 0 <= p <= 1}) of {@code sorted[0..count)}, ascending;
     * null for no values.
     */
    static Double of(long[] sorted, int count, double p) {
        if (count == 0) {
            return null;
        }
        double rank = (count - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
