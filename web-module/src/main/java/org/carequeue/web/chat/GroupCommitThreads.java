package org.carequeue.web.chat;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.carequeue.message.GroupCommit;

/**
 * Runs the group commit's committers and its answerer ({@link GroupCommit}) on managed threads of
 * their own while the application runs, started before any socket can open; the messages the
 * committers leave out are posted alone on the managed executor.
 */
@ApplicationScoped
public class GroupCommitThreads {

    @Inject
    ManagedThreads threads;

    @Inject
    GroupCommit groupCommit;

    private final AtomicBoolean started = new AtomicBoolean();
    /** The committers, then the answerer, which ends after them. */
    private final List<Thread> running = new ArrayList<>();

    /** Once only: a second set of committers would hold twice the database connections planned for. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        synchronized (running) {
            for (int i = 1; i <= GroupCommit.COMMITTERS; i++) {
                running.add(threads.newThread("carequeue-group-commit-" + i,
                        () -> groupCommit.commitUntilStopped(threads::execute)));
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
