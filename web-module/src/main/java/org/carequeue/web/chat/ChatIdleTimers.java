package org.carequeue.web.chat;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the container's per-frame scan of the server's jars off chat sockets. Tyrus restarts a
 * socket's idle timer on every frame, received or sent, through Payara's managed scheduled
 * executor, and that executor looks up the {@code ThreadContextProvider} service file through the
 * thread's context class loader on every schedule, which walks every jar of the server: 14 % of the
 * server's JFR samples under message load for the frames received alone, after the frames sent
 * had been spared it (docs/benchmarks.md, 2026-12-04, night).
 * <p>
 * {@link #install} gives a chat socket a scheduler that hands each call to the container's with a
 * context class loader ({@link ProviderLookups}) that asks the application's loader for that file
 * once and delegates everything else to it. Tyrus offers no setting for its scheduler, so it is
 * put into the socket's field by reflection; where that field is not there (another Tyrus), the
 * socket keeps the container's scheduler and works as before, only slower, and the log says so once.
 * <p>
 * The executor also captures this loader as the context of the timer's task. Chat sockets have no
 * idle timeout ({@link ChatEndpoint#onOpen}), so that task does nothing when it runs. The desk's
 * sockets close themselves after an idle time and run {@code DeskSocket.onClose} in that task,
 * where Payara finds the application by its own class loader: they keep the container's scheduler.
 */
final class ChatIdleTimers {

    private static final Logger LOG = Logger.getLogger(ChatIdleTimers.class.getName());

    /** Tyrus's {@code TyrusSession.service}: the scheduler of the socket's idle timer. */
    private static final String SCHEDULER_FIELD = "service";

    private static final ProviderLookups LOADER = new ProviderLookups(ChatIdleTimers.class.getClassLoader());

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
            return replaceScheduler(session, LOADER);
        } catch (IllegalAccessException | RuntimeException e) {
            if (REPORTED.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Chat sockets keep the container's idle timer scheduler and pay its per-frame scan", e);
            }
            return false;
        }
    }

    /**
     * Puts a scheduler with these lookups into Tyrus's field of {@code socket}, unless it is there
     * already; false if the socket has no such field (or one of another type, or not accessible).
     */
    static boolean replaceScheduler(Object socket, ClassLoader lookups) throws IllegalAccessException {
        Optional<Field> field = SCHEDULER_FIELDS.get(socket.getClass());
        if (field.isEmpty()) {
            if (REPORTED.compareAndSet(false, true)) {
                LOG.info(() -> socket.getClass().getName() + " has no accessible ScheduledExecutorService field '"
                        + SCHEDULER_FIELD + "': chat frames pay the container's per-frame scan");
            }
            return false;
        }
        ScheduledExecutorService container = (ScheduledExecutorService) field.get().get(socket);
        if (container == null) {
            return false;
        }
        if (!WithProviderLookups.wraps(container)) {
            field.get().set(socket, withProviderLookups(container, lookups));
        }
        return true;
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

    /** A scheduler that makes every call to {@code container} with {@code loader} as the context class loader. */
    static ScheduledExecutorService withProviderLookups(ScheduledExecutorService container, ClassLoader loader) {
        return (ScheduledExecutorService) Proxy.newProxyInstance(ChatIdleTimers.class.getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class}, new WithProviderLookups(container, loader));
    }

    private record WithProviderLookups(ScheduledExecutorService container, ClassLoader loader)
            implements InvocationHandler {

        static boolean wraps(ScheduledExecutorService scheduler) {
            return Proxy.isProxyClass(scheduler.getClass())
                    && Proxy.getInvocationHandler(scheduler) instanceof WithProviderLookups;
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
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return method.invoke(container, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /**
     * Answers the container's one lookup from memory: the answer never changes while the
     * application runs. Classes and every other resource come from the application's loader.
     */
    static final class ProviderLookups extends ClassLoader {

        static final String THREAD_CONTEXT_PROVIDERS =
                "META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider";

        static {
            // Loading is delegated, so threads need not queue on one lock of this loader.
            registerAsParallelCapable();
        }

        /** What the application's loader answered; null until the first frame. */
        private volatile List<URL> threadContextProviders;

        ProviderLookups(ClassLoader application) {
            super(application);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!THREAD_CONTEXT_PROVIDERS.equals(name)) {
                return getParent().getResources(name);
            }
            List<URL> found = threadContextProviders;
            if (found == null) {
                found = List.copyOf(Collections.list(getParent().getResources(name)));
                threadContextProviders = found;
            }
            return Collections.enumeration(found);
        }
    }
}
