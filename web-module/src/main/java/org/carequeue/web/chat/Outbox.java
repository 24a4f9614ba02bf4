package org.carequeue.web.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One socket's outgoing frames: written in the order they were offered, by one task at a time on
 * the managed executor, so that the thread that committed a change never waits for a slow client.
 * A client that falls too far behind is disconnected; it comes back and resumes with {@code since}.
 */
final class Outbox {

    static final int MAX_PENDING = 1_000;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    private final Executor executor;
    /** Frames (String) and, last, possibly a {@link CloseReason} to close with once they are out. */
    private final Queue<Object> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();

    Outbox(Session session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    void offer(String frame) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume"));
            return;
        }
        frames.add(frame);
        startWriting();
    }

    /** Closes the socket after the frames offered before. */
    void closeAfterPending(CloseReason reason) {
        frames.add(reason);
        startWriting();
    }

    private void startWriting() {
        if (!frames.isEmpty() && writing.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Object item;
            while ((item = frames.poll()) != null) {
                if (item instanceof CloseReason reason) {
                    close(reason);
                } else {
                    pending.decrementAndGet();
                    write((String) item);
                }
            }
        } finally {
            writing.set(false);
            startWriting();
        }
    }

    private void write(String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.getBasicRemote().sendText(frame);
        } catch (IOException | IllegalStateException e) {
            // The client went away mid-write; its close handler cleans up, and it resumes with "since".
            LOG.log(Level.FINE, "Could not write to chat socket " + session.getId(), e);
        }
    }

    void close(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not close chat socket " + session.getId(), e);
        }
    }
}
