package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatIdleTimersTest {

    /** Stands in for Tyrus's idle task: counts its runs. */
    private static final class IdleTask implements Runnable {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void run() {
            runs.incrementAndGet();
        }
    }

    private static final String IDLE_TASK = IdleTask.class.getName();

    /** A real scheduler that counts the tasks it is given. */
    private static final class Scheduler extends ScheduledThreadPoolExecutor {
        final AtomicInteger scheduled = new AtomicInteger();

        Scheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return super.schedule(command, delay, unit);
        }
    }

    @Test
    void anIdleTaskDueNowIsAnsweredDoneWithoutTheContainer() throws Exception {
        Scheduler container = new Scheduler();
        ScheduledExecutorService scheduler = ChatIdleTimers.skippingIdleTasksDueNow(container, IDLE_TASK);
        IdleTask task = new IdleTask();
        try {
            for (int frame = 0; frame < 3; frame++) {
                ScheduledFuture<?> future = scheduler.schedule(task, 0, TimeUnit.MILLISECONDS);
                assertTrue(future.isDone());
                assertFalse(future.cancel(true), "Tyrus cancels it on the next frame: nothing to cancel");
                assertEquals(0, future.getDelay(TimeUnit.MILLISECONDS));
            }
            assertTrue(scheduler.schedule(task, -1, TimeUnit.MILLISECONDS).isDone(), "overdue is due now too");
            assertEquals(0, container.scheduled.get());
            assertEquals(0, task.runs.get(), "the task would have done nothing on a socket without a timeout");
        } finally {
            container.shutdownNow();
        }
    }

    @Test
    void anIdleTaskDueLaterAndEveryOtherTaskGoToTheContainer() throws Exception {
        Scheduler container = new Scheduler();
        ScheduledExecutorService scheduler = ChatIdleTimers.skippingIdleTasksDueNow(container, IDLE_TASK);
        try {
            IdleTask later = new IdleTask();
            ScheduledFuture<?> due = scheduler.schedule(later, 50, TimeUnit.MILLISECONDS);
            due.get(5, TimeUnit.SECONDS);
            assertEquals(1, later.runs.get(), "a socket with a timeout still times out");

            AtomicInteger other = new AtomicInteger();
            Runnable notIdle = other::incrementAndGet;
            scheduler.schedule(notIdle, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertEquals(1, other.get());
            assertEquals(2, container.scheduled.get());

            scheduler.shutdown();
            assertTrue(container.isShutdown(), "every other call reaches the container's scheduler");
            assertThrows(RejectedExecutionException.class,
                    () -> scheduler.schedule(notIdle, 0, TimeUnit.MILLISECONDS),
                    "its own exception, not a reflective wrapper");
        } finally {
            container.shutdownNow();
        }
    }

    /** A socket of a Tyrus shaped like Payara's: the idle timer's scheduler in a field of that name. */
    private static final class TyrusLikeSocket {
        private ScheduledExecutorService service;
    }

    @Test
    void aSocketsSchedulerIsReplacedOnce() throws Exception {
        Scheduler container = new Scheduler();
        TyrusLikeSocket socket = new TyrusLikeSocket();
        socket.service = container;
        try {
            assertTrue(ChatIdleTimers.replaceScheduler(socket, IDLE_TASK));
            ScheduledExecutorService installed = socket.service;
            assertNotSame(container, installed);
            assertTrue(ChatIdleTimers.replaceScheduler(socket, IDLE_TASK));
            assertSame(installed, socket.service, "not wrapped twice");

            installed.schedule(new IdleTask(), 0, TimeUnit.MILLISECONDS);
            assertEquals(0, container.scheduled.get());
        } finally {
            container.shutdownNow();
        }
    }

    @Test
    void aSocketWhoseTyrusHasNoSuchIdleTaskKeepsTheContainersScheduler() throws Exception {
        Scheduler container = new Scheduler();
        TyrusLikeSocket socket = new TyrusLikeSocket();
        socket.service = container;
        try {
            assertFalse(ChatIdleTimers.replaceScheduler(socket, IDLE_TASK + "Renamed"));
            assertSame(container, socket.service);
        } finally {
            container.shutdownNow();
        }
    }

    @Test
    void aContainerSchedulerThatIsAProxyOfItsOwnIsWrappedAsWell() throws Exception {
        Scheduler container = new Scheduler();
        ScheduledExecutorService containers = (ScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ScheduledExecutorService.class},
                (proxy, method, args) -> method.invoke(container, args));
        TyrusLikeSocket socket = new TyrusLikeSocket();
        socket.service = containers;
        try {
            assertTrue(ChatIdleTimers.replaceScheduler(socket, IDLE_TASK));
            assertNotSame(containers, socket.service);
            socket.service.schedule(new IdleTask(), 0, TimeUnit.MILLISECONDS);
            socket.service.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertEquals(1, container.scheduled.get());
        } finally {
            container.shutdownNow();
        }
    }

    @Test
    void aSocketWithoutTheSchedulerFieldKeepsWorkingAsBefore() {
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> "getId".equals(method.getName()) ? "s1" : null);
        assertFalse(ChatIdleTimers.install(session));
    }
}
