package org.carequeue.web.chat;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.carequeue.message.GroupCommit;

/**
 * Runs the group commit's committers and its answerer ({@link GroupCommit}) on managed threads of
 * their own while the application runs, started before any socket can open, and the messages the
 * committers leave out on a pool of their own: one of them waits for its audience's row as long as
 * another transaction holds it, and the server's managed executor, which the position pushes use,
 * must not wait with it (with Payara Micro's defaults, no core threads and an unbounded queue, a
 * pool of its kind runs one task at a time).
 */
@ApplicationScoped
public class GroupCommitThreads {

    @Inject
    ManagedThreads threads;

    @Inject
    GroupCommit groupCommit;

    /** Messages posted alone at the same time; more wait for a thread. */
    static final int ALONE_THREADS = 8;

    private final AtomicBoolean started = new AtomicBoolean();
    private volatile ExecutorService alone;
    /** The committers, then the answerer, which ends after them. */
    private final List<Thread> running = new ArrayList<>();

    /** Once only: a second set of committers would hold twice the database connections planned for. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        alone = Executors.newFixedThreadPool(ALONE_THREADS, task -> threads.newThread("carequeue-message-alone", task));
        synchronized (running) {
            for (int i = 1; i <= GroupCommit.COMMITTERS; i++) {
                running.add(threads.newThread("carequeue-group-commit-" + i,
                        () -> groupCommit.commitUntilStopped(alone)));
            }
            running.add(threads.newThread("carequeue-group-commit-answers", groupCommit::answerUntilStopped));
            running.forEach(Thread::start);
        }
    }

    /** Stores what is in line and answers it, for a few seconds at most. */
    @PreDestroy
    void stop() {
        groupCommit.stop();
        synchronized (running) {
            try {
                for (Thread thread : running) {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                }
                if (alone != null) {
                    alone.shutdown();
                    alone.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
