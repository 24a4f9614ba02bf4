package org.carequeue.web.chat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes an audience's messages in seq order. Posts to one audience commit one after the other
 * (they queue on its row lock), but their pushes travel separately (from different threads, and
 * from different nodes through the data grid), so seq 6 could overtake seq 5; a client that then
 * resumed from 6 would never see 5. A frame whose predecessor is still on its way waits here for
 * it, but not for long: a predecessor that has not come within {@link ChatPush#MAX_HOLD_MILLIS} is
 * not coming (a node died between its commit and its push, say), and the frames behind it are
 * released by {@link #releaseHeld}. Clients fill such a gap with {@code resume}. The first frame
 * this node sees of an audience sets the start.
 */
final class MessageOrder {

    /** Held frames beyond this many are released at once: the gap is not closing. */
    static final int MAX_HELD = 100;

    private final Map<String, Line> byAudience = new ConcurrentHashMap<>();

    private static final class Line {
        long next;
        final TreeMap<Long, Runnable> held = new TreeMap<>();
    }

    /** @return whether the push was held back to wait for its predecessor */
    boolean deliver(String audienceId, long seq, Runnable push) {
        Line line = byAudience.computeIfAbsent(audienceId, k -> new Line());
        synchronized (line) {
            boolean heldBack = line.next != 0 && seq > line.next;
            if (heldBack) {
                line.held.put(seq, push);
            } else {
                push.run();
                line.next = Math.max(line.next, seq + 1);
            }
            while (!line.held.isEmpty()
                    && (line.held.firstKey() <= line.next || line.held.size() > MAX_HELD)) {
                runFirst(line);
            }
            return heldBack;
        }
    }

    /** Gives up waiting for the missing predecessors: everything held goes out, in seq order. */
    void releaseHeld(String audienceId) {
        Line line = byAudience.get(audienceId);
        if (line != null) {
            synchronized (line) {
                while (!line.held.isEmpty()) {
                    runFirst(line);
                }
            }
        }
    }

    private static void runFirst(Line line) {
        var first = line.held.pollFirstEntry();
        first.getValue().run();
        line.next = Math.max(line.next, first.getKey() + 1);
    }

    /** The audience ended: no more messages will come. */
    void forget(String audienceId) {
        byAudience.remove(audienceId);
    }
}
