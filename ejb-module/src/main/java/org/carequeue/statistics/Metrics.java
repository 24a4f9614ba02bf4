package org.carequeue.statistics;

import java.util.Arrays;
import org.carequeue.api.statistics.BreakdownRow;
import org.carequeue.api.statistics.StatisticsRow;

/**
 * Adds up the audiences of one row (an interval, the total, a tag or an agent): the definitions of
 * every metric live here, in one place, and in docs/statistics.md.
 */
final class Metrics {

    private final long serviceLevelMillis;
    private long conversations;
    private long accepted;
    private long dropped;
    private long waiting;
    private long abandonedAfterPick;
    private long registeredContacts;
    private long endedConversations;
    private long conversationMillis;
    private long[] queueingMillis = new long[16];
    private long queueingSum;
    private long withinTarget;
    private long exitMillis;
    private long good;
    private long okay;
    private long poor;

    Metrics(int serviceLevelSeconds) {
        this.serviceLevelMillis = serviceLevelSeconds * 1000L;
    }

    void add(AudienceFact audience) {
        conversations++;
        if (audience.waiting()) {
            waiting++;
        }
        if (audience.dropped()) {
            dropped++;
            exitMillis += audience.exitMillis();
        }
        if (audience.accepted()) {
            long queueing = audience.queueingMillis();
            if (accepted == queueingMillis.length) {
                queueingMillis = Arrays.copyOf(queueingMillis, queueingMillis.length * 2);
            }
            queueingMillis[(int) accepted] = queueing;
            accepted++;
            queueingSum += queueing;
            if (queueing <= serviceLevelMillis) {
                withinTarget++;
            }
            if (audience.endedByCustomer()) {
                abandonedAfterPick++;
            }
        }
        if (audience.conversationEnded()) {
            endedConversations++;
            conversationMillis += audience.conversationMillis();
        }
        if (audience.rating() != null) {
            switch (audience.rating()) {
                case 1 -> good++;
                case 0 -> okay++;
                default -> poor++;
            }
        }
    }

    void addRegisteredContact() {
        registeredContacts++;
    }

    StatisticsRow row(Bucket bucket) {
        long[] sorted = Arrays.copyOf(queueingMillis, (int) accepted);
        Arrays.sort(sorted);
        return new StatisticsRow(bucket.startText(), bucket.endText(), conversations, accepted, dropped, waiting,
                abandonedAfterPick, registeredContacts, averageSeconds(conversationMillis, endedConversations),
                averageSeconds(queueingSum, accepted), seconds(Percentiles.of(sorted, sorted.length, 0.5)),
                seconds(Percentiles.of(sorted, sorted.length, 0.9)), averageSeconds(exitMillis, dropped),
                accepted + dropped == 0 ? null : (double) withinTarget / (accepted + dropped),
                ratings(), good, okay, poor, averageRating());
    }

    BreakdownRow breakdown(String id, String name) {
        return new BreakdownRow(id, name, conversations, accepted, averageSeconds(conversationMillis, endedConversations),
                averageSeconds(queueingSum, accepted), ratings(), averageRating());
    }

    private long ratings() {
        return good + okay + poor;
    }

    /** Ratings -1, 0, 1 scaled to 0.0, 0.5, 1.0 and averaged. */
    private Double averageRating() {
        return ratings() == 0 ? null : (good + okay * 0.5) / ratings();
    }

    /** An average of milliseconds as seconds, rounded to the millisecond. */
    static Double averageSeconds(long totalMillis, long count) {
        return count == 0 ? null : seconds((double) totalMillis / count);
    }

    static Double seconds(Double millis) {
        return millis == null ? null : Math.round(millis) / 1000.0;
    }
}
