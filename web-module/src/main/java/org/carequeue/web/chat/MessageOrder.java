package org.carequeue.web.chat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes an audience's messages in seq order. Posts to one audience commit one after the other
 * (they queue on its row lock), but each push runs on the thread that committed it, so seq 6 could
 * overtake seq 5; a client that then resumed from 6 would never see 5. A frame whose predecessor is
 * still on its way waits here for it. The first frame this node sees of an audience sets the start.
 */
final class MessageOrder {

    /** A predecessor that has not come by then is not coming (its push failed): release the rest. */
    static final int MAX_HELD = 100;

    private final Map<String, Line> byAudience = new ConcurrentHashMap<>();

    private static final class Line {
        long next;
        final TreeMap<Long, Runnable> held = new TreeMap<>();
    }

    void deliver(String audienceId, long seq, Runnable push) {
        Line line = byAudience.computeIfAbsent(audienceId, k -> new Line());
        synchronized (line) {
            if (line.next == 0 || seq <= line.next) {
                push.run();
                line.next = Math.max(line.next, seq + 1);
            } else {
                line.held.put(seq, push);
            }
            while (!line.held.isEmpty()
                    && (line.held.firstKey() <= line.next || line.held.size() > MAX_HELD)) {
                var first = line.held.pollFirstEntry();
                first.getValue().run();
                line.next = Math.max(line.next, first.getKey() + 1);
            }
        }
    }

    /** The audience ended: no more messages will come. */
    void forget(String audienceId) {
        byAudience.remove(audienceId);
    }
}
