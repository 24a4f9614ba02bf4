package org.carequeue.message;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.platform.BusinessException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit of the chat sockets' messages. While a transaction stores messages, the posts that
 * arrive wait; once it has committed, one of their threads stores all of them (up to
 * {@link #MAX_BATCH}) in the next transaction, and each caller gets its answer after that commit,
 * as it would after a transaction of its own. A busy node so pays one commit, and one pass through
 * the EJB and transaction layers, per batch instead of per message; a post that finds nothing
 * committing is stored alone at once, as before.
 *
 * <p>One failing post (an ended audience, a bad id) rolls its whole batch back; then each post of
 * that batch is posted alone, so that each gets its own answer and the others are still stored. A
 * batch takes at most one post per audience ({@link Conversations#postAll}): a second one waits
 * for the next batch, in the order they came.
 *
 * <p>The batch sizes are the histogram {@code carequeue_message_batch_size}: its mean is the
 * messages per commit. The counter {@code carequeue_message_batch_failures} counts the batches
 * posted one by one instead: a refused message now and then costs its batch that; any other
 * cause is logged as a warning.
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

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchDone = lock.newCondition();
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
        Pending mine = new Pending(post);
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done) {
                if (committing) {
                    // Until the committing batch is done. Not interruptible: the post is in that
                    // batch or queued for a later one, and gets its answer either way.
                    batchDone.awaitUninterruptibly();
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
                        batchDone.signalAll();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.answer;
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

    private void commit(List<Pending> batch) {
        try {
            if (batch.size() == 1) {
                postAlone(batch.get(0));
                return;
            }
            List<Posted> answers;
            try {
                answers = conversations.postAll(batch.stream().map(pending -> pending.post).toList());
            } catch (RuntimeException failed) {
                failedBatches.inc();
                // A refused message (ended audience, bad id) is the client's; anything else is worth a look.
                LOG.log(failed instanceof BusinessException ? Level.FINE : Level.WARNING,
                        "A batch of " + batch.size() + " messages failed; posting each alone", failed);
                batch.forEach(this::postAlone);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer = answers.get(i);
                batch.get(i).done = true;
            }
            batchSizes.update(batch.size());
        } finally {
            // Should an Error end this thread's work, nobody waits for an answer no thread will give.
            for (Pending pending : batch) {
                if (!pending.done) {
                    pending.failure = new IllegalStateException("The message's batch broke off; nothing is known to be stored");
                    pending.done = true;
                }
            }
        }
    }

    private void postAlone(Pending pending) {
        try {
            pending.answer = conversations.postFromSocket(pending.post);
            batchSizes.update(1);
        } catch (RuntimeException e) {
            pending.failure = e;
        }
        pending.done = true;
    }

    /**
     * A post and, once done, its answer or failure: written by the committing thread before it
     * takes the lock again, read under the lock (or by that thread itself).
     */
    private static final class Pending {
        final SocketPost post;
        boolean done;
        Posted answer;
        RuntimeException failure;

        Pending(SocketPost post) {
            this.post = post;
        }
    }
}
