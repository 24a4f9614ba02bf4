package org.carequeue.message;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit of the chat sockets' messages. A socket's post only joins the line and returns; the
 * committers ({@link #commitUntilStopped}, {@link #COMMITTERS} threads) store the waiting posts in
 * batches (up to {@link #MAX_BATCH}, one per audience, oldest first), one transaction each, and
 * the answerer ({@link #answerUntilStopped}) answers each post once its batch has committed, as a
 * transaction of its own would have. A busy node so pays one commit, and one pass through the EJB
 * and transaction layers, per batch instead of per message; a post on a quiet node is a batch of
 * one. No socket thread waits for the database: with 256 messages in flight, parking and waking
 * the posting threads took a tenth of the node's CPU, and a stalled database held every worker
 * thread of the HTTP listener (docs/benchmarks.md, 2026-12-06, sixth session).
 *
 * <p>Batches being committed at the same time never share an audience, so they never wait for each
 * other's rows, and an audience's posts are stored in the order they came. A post the
 * batch leaves out ({@link Conversations#postAll}: it would be refused, or its audience is locked
 * by another transaction) is posted alone, in a transaction of its own, on a thread of the executor
 * given to the committers: a bad message or a busy row never holds up the others, and the later
 * posts of its audience wait for it. Should a whole batch fail, every post in it goes the same way.
 *
 * <p>The histogram {@code carequeue_message_batch_size} counts the messages of each committed
 * transaction (those posted alone as 1): its mean is the messages per commit. The counter
 * {@code carequeue_message_batch_failures} counts the batches that failed as a whole, which is
 * never expected; each is also logged as a warning.
 */
@ApplicationScoped
public class GroupCommit {

    /**
     * Batches committed at the same time. One batch at a time left a quarter of the two cores idle
     * at 256 messages in flight: a batch's statements run one after the other on one connection,
     * and while the database works on them the node has nothing to do for the batch, and the other
     * way round (docs/benchmarks.md, sixth session).
     */
    public static final int COMMITTERS = 2;

    /** Keeps a batch's transaction, and so the wait of its first post, short. */
    static final int MAX_BATCH = 64;
    /**
     * Posts in line beyond which a new one is refused as busy (its client sends it again): a
     * stalled database must not fill the heap. Ten thousand sockets with one message in flight each.
     */
    static final int MAX_WAITING = 10_000;

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** What becomes of a post: told once, after its transaction ended, by the answerer or the thread that posted it alone. */
    public interface Answer {

        void stored(Posted posted);

        /** Nothing was stored; the failure is what posting it alone threw, or that the node is too busy. */
        void failed(RuntimeException failure);
    }

    @Inject
    Conversations conversations;

    @Inject
    MetricRegistry registry;

    /**
     * One for each committer: a controller remembers whether it activated the context, so two
     * threads must not share one. Each message has observers after commit (the pushes, the message
     * count), and a committer has no request context: without one, Weld opens and closes a request
     * context for every single notification.
     */
    @Inject
    Instance<RequestContextController> requestContexts;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a post joins the line, a batch or a post alone is done, or the committers are to stop. */
    private final Condition work = lock.newCondition();
    /** Posts not yet taken into a batch, oldest first. */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    /** Audiences with a post in a batch being committed or being posted alone: their later posts wait. */
    private final Set<String> busy = new HashSet<>();
    private boolean stopping;
    private int committers;
    /** Each committed batch's answers, in the order the batches committed; an empty list ends the answerer. */
    private final BlockingQueue<List<Told>> toTell = new LinkedBlockingQueue<>();
    private Histogram batchSizes;
    private Counter failedBatches;

    @PostConstruct
    void register() {
        batchSizes = registry.histogram(Metadata.builder().withName("carequeue_message_batch_size")
                .withDescription("Chat socket messages stored per transaction by this node").build());
        failedBatches = registry.counter(Metadata.builder().withName("carequeue_message_batch_failures")
                .withDescription("Batches of chat socket messages rolled back and posted one by one").build());
    }

    /** Puts the message in line and returns; the answer comes once it is stored, or refused. */
    public void post(SocketPost post, Answer answer) {
        lock.lock();
        try {
            if (!stopping && waiting.size() < MAX_WAITING) {
                waiting.add(new Pending(post, answer));
                work.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        new Told(answer, null, busy()).tell();
    }

    /**
     * A committer: stores batches while there are posts, waits while there are none, and returns
     * once {@link #stop} was called and the line is empty. Posts left out of a batch go to
     * {@code alone}, one task each.
     */
    public void commitUntilStopped(Executor alone) {
        lock.lock();
        try {
            committers++;
        } finally {
            lock.unlock();
        }
        RequestContextController requestContext = requestContexts.get();
        try {
            List<Pending> batch;
            while (!(batch = nextBatchOrWait()).isEmpty()) {
                List<Pending> left = commit(batch, requestContext);
                for (Pending pending : left) {
                    postAlone(pending, alone);
                }
                release(batch, left);
            }
        } finally {
            requestContexts.destroy(requestContext);
            lock.lock();
            try {
                if (--committers == 0 && stopping) {
                    toTell.add(List.of());
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The answerer: tells the posts of each committed batch, batch after batch, and returns after
     * the last committer did. Apart from the committers, so that writing a batch's acknowledgements
     * to its sockets overlaps the next batch's transaction.
     */
    public void answerUntilStopped() {
        while (true) {
            List<Told> batch;
            try {
                batch = toTell.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(Told::tell);
        }
    }

    /** Posts that join the line from now on are refused as busy; the committers store the rest and return. */
    public void stop() {
        lock.lock();
        try {
            stopping = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private List<Pending> nextBatchOrWait() {
        lock.lock();
        try {
            while (true) {
                List<Pending> batch = nextBatch();
                if (!batch.isEmpty() || stopping && waiting.isEmpty()) {
                    return batch;
                }
                work.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The oldest waiting posts, at most one per audience and none of a busy audience; their audiences are busy from now. */
    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<String> passed = new HashSet<>();
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
            Pending pending = it.next();
            String audienceId = pending.post.audienceId();
            // An audience passed over once is passed over for the rest of the line: its posts keep their order.
            if (passed.add(audienceId) && busy.add(audienceId)) {
                batch.add(pending);
                it.remove();
            }
        }
        return batch;
    }

    /** The batch's audiences are free again, but those of its posts that are being posted alone. */
    private void release(List<Pending> batch, List<Pending> alone) {
        lock.lock();
        try {
            for (Pending pending : batch) {
                if (!alone.contains(pending)) {
                    busy.remove(pending.post.audienceId());
                }
            }
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores the batch and answers the posts it stored; returns the others. A batch of one goes
     * this way too: a message whose audience another transaction holds locked is then posted alone,
     * and nobody else's message waits for that lock.
     */
    private List<Pending> commit(List<Pending> batch, RequestContextController requestContext) {
        Map<SocketPost, Posted> stored;
        boolean opened = false;
        try {
            opened = requestContext.activate();
            stored = conversations.postAll(batch.stream().map(pending -> pending.post).toList());
        } catch (RuntimeException failed) {
            failedBatches.inc();
            LOG.log(Level.WARNING, "A batch of " + batch.size() + " messages failed; each is posted alone", failed);
            // A message the batch did store after all (the commit's answer lost) is found there by its clientMessageId.
            return batch;
        } finally {
            if (opened) {
                closeRequestContext(requestContext);
            }
        }
        if (!stored.isEmpty()) {
            batchSizes.update(stored.size());
        }
        List<Pending> left = new ArrayList<>();
        List<Told> answers = new ArrayList<>();
        for (Pending pending : batch) {
            Posted posted = stored.get(pending.post);
            if (posted == null) {
                left.add(pending);
            } else {
                answers.add(new Told(pending.answer, posted, null));
            }
        }
        if (!answers.isEmpty()) {
            toTell.add(answers);
        }
        return left;
    }

    /** Its audience stays busy until it is done. */
    private void postAlone(Pending pending, Executor alone) {
        try {
            alone.execute(() -> {
                try {
                    Posted posted = conversations.postFromSocket(pending.post);
                    batchSizes.update(1);
                    new Told(pending.answer, posted, null).tell();
                } catch (RuntimeException failure) {
                    new Told(pending.answer, null, failure).tell();
                } finally {
                    release(List.of(pending), List.of());
                }
            });
        } catch (RejectedExecutionException e) {
            release(List.of(pending), List.of());
            new Told(pending.answer, null, busy()).tell();
        }
    }

    private static BusinessException busy() {
        return new BusinessException(ErrorCode.SERVICE_UNAVAILABLE, "Busy; nothing was stored, send again");
    }

    /** Every post of the batch has its answer, or goes alone, by now: a failure here must reach none of them. */
    private static void closeRequestContext(RequestContextController requestContext) {
        try {
            requestContext.deactivate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close a batch's request context", e);
        }
    }

    private record Pending(SocketPost post, Answer answer) {
    }

    /** A post's answer, stored or failed. */
    private record Told(Answer answer, Posted posted, RuntimeException failure) {

        /** An answer's failure (a socket gone, say) must reach neither the thread telling it nor the other answers. */
        void tell() {
            try {
                if (failure == null) {
                    answer.stored(posted);
                } else {
                    answer.failed(failure);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not answer a chat socket's message", e);
            }
        }
    }
}
