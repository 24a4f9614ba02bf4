package org.carequeue.web.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One socket's outgoing frames. They are handed to the container's asynchronous sender in the
 * order they were offered, so the thread that committed a change never waits for a slow client.
 * While the socket authenticates, frames are held until its first frame ({@code ready}) is out, so
 * a client always hears who it is before anything pushed to it. A client that falls too far behind is disconnected; it
 * comes back and resumes with {@code since}.
 */
final class Outbox {

    static final int MAX_PENDING = 1_000;
    static final long SEND_TIMEOUT_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    /** While the socket authenticates: frames waiting for its first one, {@code ready}. Guarded by this. */
    private List<String> held;
    /** Frames handed to the container and not yet written. Not guarded by this: see {@link #sent}. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile CloseReason closeWhenSent;

    Outbox(Session session) {
        this.session = session;
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
    }

    synchronized void offer(String frame) {
        if (held != null) {
            held.add(frame);
        } else {
            send(frame);
        }
    }

    /** From now until {@link #start} (or {@link #release}), frames wait. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Sends the socket's first frame, then whatever was held back for it. */
    synchronized void start(String firstFrame) {
        send(firstFrame);
        release();
    }

    /** Sends what was held back, in order, and stops holding. */
    synchronized void release() {
        if (held != null) {
            List<String> waiting = held;
            held = null;
            waiting.forEach(this::send);
        }
    }

    /** Closes the socket once the frames offered before are out (an error frame, say). */
    synchronized void closeAfterPending(CloseReason reason) {
        release();
        closeWhenSent = reason;
        if (pending.get() == 0) {
            close(reason);
        }
    }

    private void send(String frame) {
        if (!session.isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume"));
            return;
        }
        try {
            session.getAsyncRemote().sendText(frame, this::sent);
        } catch (IllegalStateException e) {
            pending.decrementAndGet();
            LOG.log(Level.FINE, "Chat socket " + session.getId() + " is closing", e);
        }
    }

    /**
     * The container's completion callback. It takes no lock of this outbox: the container may call
     * it while holding a lock of its own that {@link #send} waits for.
     */
    private void sent(SendResult result) {
        if (!result.isOK()) {
            // The client went away or stalled past the timeout; it resumes with "since".
            LOG.log(Level.FINE, "Could not write to chat socket " + session.getId(), result.getException());
        }
        if (pending.decrementAndGet() == 0 && closeWhenSent != null) {
            close(closeWhenSent);
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
