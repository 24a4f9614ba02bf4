package org.carequeue.web.chat;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The server's managed threads for the sockets' background work. They are held by an EJB because
 * the EJB container injects them wherever the bean is first used; a CDI bean first created on a
 * WebSocket, timer or request thread was seen to get {@code null} for the same {@code @Resource}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// SUPPORTS: callers are after-commit observers, whose finished transaction must not be suspended.
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ManagedThreads {

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threadFactory;

    /** Runs the task soon on a managed thread; throws RejectedExecutionException when it cannot. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    public void schedule(Runnable task, long delay, TimeUnit unit) {
        scheduler.schedule(task, delay, unit);
    }

    /** A managed thread of its own, for work that runs as long as the application does. */
    public Thread newThread(String name, Runnable task) {
        Thread thread = threadFactory.newThread(task);
        thread.setName(name);
        return thread;
    }
}
