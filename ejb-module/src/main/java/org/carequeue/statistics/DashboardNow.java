package org.carequeue.statistics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The live dashboard: the organization's queues by name and its agents online by name. */
public record DashboardNow(List<QueueNow> queues, List<AgentNow> agents) {

    public int waiting() {
        return queues.stream().mapToInt(QueueNow::waiting).sum();
    }

    /** When the customer who has waited longest in any queue arrived; null when nobody waits. */
    public String longestWaitingSince() {
        return queues.stream().map(QueueNow::waitingSince).filter(Objects::nonNull)
                .min(Comparator.comparing(Instant::parse)).orElse(null);
    }

    public int liveAudiences() {
        return queues.stream().mapToInt(QueueNow::liveAudiences).sum();
    }
}
