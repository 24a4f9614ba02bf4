package org.carequeue.web.chat;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the container's scheduler out of a chat socket's frames. Tyrus restarts a socket's idle
 * timer on every frame, received or sent: it cancels the last task and schedules a new one, due
 * after the socket's idle timeout, through Payara's managed scheduled executor, which captures the
 * thread's context for each task and looks up its context providers through the thread's class
 * loader. Chat sockets have no idle timeout ({@link ChatEndpoint#onOpen}), so each of
 * those tasks is due at once and does nothing when it runs: Tyrus's task closes the socket only when
 * the socket has a timeout. That was 6 % of the server's samples under message load, plus the
 * scheduler's thread running the empty tasks (docs/benchmarks.md, 2026-12-05, evening).
 * <p>
 * {@link #install} gives a chat socket a scheduler that answers the schedule of such a task, due
 * now, with a task already done, and hands every other call to the container's scheduler (a task
 * due later, on a socket given a timeout, still times it out). Tyrus offers no setting for its
 * scheduler, so it is put into the socket's field by reflection, and Tyrus's task is known by its
 * class name; where either is not there (another Tyrus), the socket keeps the container's scheduler
 * and works as before, only slower, and the log says so once.
 */
final class ChatIdleTimers {

    private static final Logger LOG = Logger.getLogger(ChatIdleTimers.class.getName());

    /** Tyrus's {@code TyrusSession.service}: the scheduler of the socket's idle timer. */
    private static final String SCHEDULER_FIELD = "service";

    /** The task Tyrus schedules for the idle timer; it acts only on a socket with an idle timeout. */
    private static final String TYRUS_IDLE_TASK = "org.glassfish.tyrus.core.TyrusSession$IdleTimeoutCommand";

    /** The scheduler field of each socket class, looked up once per class; empty where there is none to use. */
    private static final ClassValue<Optional<Field>> SCHEDULER_FIELDS = new ClassValue<>() {
        @Override
        protected Optional<Field> computeValue(Class<?> type) {
            return schedulerField(type);
        }
    };

    /** Whether the log has said that sockets keep the container's scheduler: it says so once, not per socket. */
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private ChatIdleTimers() {
    }

    /** Gives this socket the scheduler described above; returns whether it could. */
    static boolean install(Session session) {
        try {
            return replaceScheduler(session, TYRUS_IDLE_TASK);
        } catch (IllegalAccessException | RuntimeException e) {
            if (REPORTED.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Chat sockets keep the container's idle timer scheduler and pay its per-frame schedule", e);
            }
            return false;
        }
    }

    /**
     * Puts a scheduler that skips idle tasks of class {@code idleTask} due now into Tyrus's field
     * of {@code socket}, unless it is there already; false if the socket has no such field (or one
     * of another type, or not accessible), or if its class loader knows no class {@code idleTask}.
     */
    static boolean replaceScheduler(Object socket, String idleTask) throws IllegalAccessException {
        Optional<Field> field = SCHEDULER_FIELDS.get(socket.getClass());
        if (field.isEmpty()) {
            reportOnce(() -> socket.getClass().getName() + " has no accessible ScheduledExecutorService field '"
                    + SCHEDULER_FIELD + "': chat frames pay the container's per-frame schedule");
            return false;
        }
        if (!knows(socket.getClass().getClassLoader(), idleTask)) {
            reportOnce(() -> socket.getClass().getName() + "'s Tyrus has no " + idleTask
                    + ": chat frames pay the container's per-frame schedule");
            return false;
        }
        ScheduledExecutorService container = (ScheduledExecutorService) field.get().get(socket);
        if (container == null) {
            return false;
        }
        if (!SkipsIdleTasksDueNow.wraps(container)) {
            field.get().set(socket, skippingIdleTasksDueNow(container, idleTask));
        }
        return true;
    }

    private static boolean knows(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void reportOnce(Supplier<String> message) {
        if (REPORTED.compareAndSet(false, true)) {
            LOG.info(message);
        }
    }

    private static Optional<Field> schedulerField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(SCHEDULER_FIELD);
                if (field.getType() != ScheduledExecutorService.class) {
                    return Optional.empty();
                }
                field.setAccessible(true);
                return Optional.of(field);
            } catch (NoSuchFieldException e) {
                // Look in the super-class.
            } catch (RuntimeException e) {
                // Not accessible: the socket keeps the container's scheduler.
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A scheduler that answers tasks of class {@code idleTask} due now itself and hands every other call to {@code container}. */
    static ScheduledExecutorService skippingIdleTasksDueNow(ScheduledExecutorService container, String idleTask) {
        return (ScheduledExecutorService) Proxy.newProxyInstance(ChatIdleTimers.class.getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class}, new SkipsIdleTasksDueNow(container, idleTask));
    }

    private record SkipsIdleTasksDueNow(ScheduledExecutorService container, String idleTask)
            implements InvocationHandler {

        static boolean wraps(ScheduledExecutorService scheduler) {
            return Proxy.isProxyClass(scheduler.getClass())
                    && Proxy.getInvocationHandler(scheduler) instanceof SkipsIdleTasksDueNow;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "ChatIdleTimers(" + container + ")";
                };
            }
            if (isIdleTaskDueNow(method, args)) {
                return AlreadyDone.INSTANCE;
            }
            try {
                return method.invoke(container, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** {@code schedule(Runnable, delay, unit)} of the idle task with a delay of zero or less. */
        private boolean isIdleTaskDueNow(Method method, Object[] args) {
            return method.getName().equals("schedule") && args.length == 3
                    && args[0] instanceof Runnable task && task.getClass().getName().equals(idleTask)
                    && args[1] instanceof Long delay && delay <= 0;
        }
    }

    /** The answer to a skipped idle task: done, with nothing to cancel (Tyrus cancels it on the next frame). */
    private static final class AlreadyDone implements ScheduledFuture<Object> {

        static final AlreadyDone INSTANCE = new AlreadyDone();

        private AlreadyDone() {
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
