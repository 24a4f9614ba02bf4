package org.carequeue.message;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit of the chat sockets' messages. While a transaction stores messages, the posts that
 * arrive wait; once it has committed, one of their threads stores all of them (up to
 * {@link #MAX_BATCH}, one per audience) in the next transaction, and each caller gets its answer
 * after that commit, as it would after a transaction of its own. A busy node so pays one commit,
 * and one pass through the EJB and transaction layers, per batch instead of per message; a post
 * that finds nothing committing is stored at once, in a batch of its own.
 *
 * <p>A post the batch leaves out ({@link Conversations#postAll}: it would be refused, or its
 * audience is locked by another transaction) goes back to its own thread, which posts it alone,
 * in a transaction of its own, beside the next batch: a bad message or a busy row never holds up
 * the others. Should a whole batch fail, every post in it goes back the same way. An audience's
 * posts go into batches in the order they came.
 *
 * <p>The histogram {@code carequeue_message_batch_size} counts the messages of each committed
 * transaction (those posted alone as 1): its mean is the messages per commit. The counter
 * {@code carequeue_message_batch_failures} counts the batches that failed as a whole, which is
 * never expected; each is also logged as a warning.
 */
@ApplicationScoped
public class GroupCommit {

    /** Keeps a batch's transaction, and so the wait of its first post, short. */
    static final int MAX_BATCH = 64;

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    @Inject
    Conversations conversations;

    @Inject
    MetricRegistry registry;

    /**
     * Used by the committing thread only, one at a time. Each message has observers after commit
     * (the pushes, the message count), and a chat socket's thread has no request context: without
     * one, Weld opens and closes a request context for every single notification.
     */
    @Inject
    RequestContextController requestContext;

    private final ReentrantLock lock = new ReentrantLock();
    /** Posts not yet taken into a batch, oldest first. */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean committing;
    private Histogram batchSizes;
    private Counter failedBatches;

    @PostConstruct
    void register() {
        batchSizes = registry.histogram(Metadata.builder().withName("carequeue_message_batch_size")
                .withDescription("Chat socket messages stored per transaction by this node").build());
        failedBatches = registry.counter(Metadata.builder().withName("carequeue_message_batch_failures")
                .withDescription("Batches of chat socket messages rolled back and posted one by one").build());
    }

    /** Stores the message and answers once it is committed, or throws what posting it alone would throw. */
    public Posted post(SocketPost post) {
        Pending mine = new Pending(post, lock.newCondition());
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done && !mine.alone) {
                if (committing) {
                    // Until this post's batch is done, or this post is the oldest waiting when a batch
                    // ends. Not interruptible: the post is in the committing batch or queued for a
                    // later one, and gets its answer either way.
                    mine.wake.awaitUninterruptibly();
                } else {
                    // This thread commits the next batch, for itself and whoever waits; its own post
                    // may have to wait for the batch after (another of its audience came first).
                    committing = true;
                    List<Pending> batch = nextBatch();
                    lock.unlock();
                    try {
                        commit(batch);
                    } finally {
                        lock.lock();
                        committing = false;
                        wakeAfter(batch);
                    }
                }
            }
        } finally {
            if (!mine.done && !mine.alone) {
                // This thread's commit of a batch broke off before its own post was taken: nobody is to store it.
                waiting.remove(mine);
            }
            lock.unlock();
        }
        if (mine.alone) {
            Posted posted = conversations.postFromSocket(post);
            batchSizes.update(1);
            return posted;
        }
        return mine.answer;
    }

    /**
     * Wakes the threads whose posts the batch answered or sent back, and the thread of the oldest
     * post still waiting, which commits the next batch unless a new post's thread got there first
     * (then the end of that batch wakes it again). Only these: with 256 posts in flight, waking
     * every waiting thread after each batch, most of them to find their posts still waiting, took
     * 13.8 % of the node's processor time in parking and waking threads; this way 8.9 %.
     */
    private void wakeAfter(List<Pending> batch) {
        for (Pending pending : batch) {
            pending.wake.signal();
        }
        Pending oldest = waiting.peek();
        if (oldest != null) {
            oldest.wake.signal();
        }
    }

    /** The oldest waiting posts, at most one per audience. */
    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<String> audiences = new HashSet<>();
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
            Pending pending = it.next();
            if (audiences.add(pending.post.audienceId())) {
                batch.add(pending);
                it.remove();
            }
        }
        return batch;
    }

    /**
     * A batch of one goes this way too: a message whose audience another transaction holds locked
     * is then posted by its own thread, and nobody else's message waits for that lock.
     */
    private void commit(List<Pending> batch) {
        boolean opened = false;
        try {
            Map<SocketPost, Posted> stored;
            try {
                opened = requestContext.activate();
                stored = conversations.postAll(batch.stream().map(pending -> pending.post).toList());
            } catch (RuntimeException failed) {
                failedBatches.inc();
                LOG.log(Level.WARNING, "A batch of " + batch.size() + " messages failed; each is posted alone", failed);
                return;
            }
            for (Pending pending : batch) {
                pending.answer = stored.get(pending.post);
                pending.done = pending.answer != null;
            }
            if (!stored.isEmpty()) {
                batchSizes.update(stored.size());
            }
        } finally {
            // Whatever this batch did not answer, its own thread posts alone; a message the batch
            // did store after all is found there by its clientMessageId.
            for (Pending pending : batch) {
                pending.alone = !pending.done;
            }
            if (opened) {
                closeRequestContext();
            }
        }
    }

    /** Every post of the batch has its answer, or goes alone, by now: a failure here must reach none of them. */
    private void closeRequestContext() {
        try {
            requestContext.deactivate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close a batch's request context", e);
        }
    }

    /**
     * A post and, once done, its answer, or that its thread is to post it alone: written
     * by the committing thread before it takes the lock again, read under the lock (or by that
     * thread itself).
     */
    private static final class Pending {
        final SocketPost post;
        /** Signalled, under the lock, when this post's batch ends or this post is the oldest waiting. */
        final Condition wake;
        boolean done;
        boolean alone;
        Posted answer;

        Pending(SocketPost post, Condition wake) {
            this.post = post;
            this.wake = wake;
        }
    }
}
