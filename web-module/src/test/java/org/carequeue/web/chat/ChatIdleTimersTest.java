package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.carequeue.web.chat.ChatIdleTimers.ProviderLookups;
import org.junit.jupiter.api.Test;

class ChatIdleTimersTest {

    /** Stands in for the application's loader: counts lookups and knows one provider file. */
    private static final class ApplicationLoader extends ClassLoader {
        final AtomicInteger lookups = new AtomicInteger();
        final URL providerFile;

        ApplicationLoader() throws IOException {
            super(ChatIdleTimersTest.class.getClassLoader());
            providerFile = new URL("file:/app/WEB-INF/lib/some.jar!/" + ProviderLookups.THREAD_CONTEXT_PROVIDERS);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            lookups.incrementAndGet();
            return ProviderLookups.THREAD_CONTEXT_PROVIDERS.equals(name)
                    ? Collections.enumeration(List.of(providerFile)) : super.getResources(name);
        }
    }

    /** A real scheduler that notes the context class loader each schedule call ran with. */
    private static final class Scheduler extends ScheduledThreadPoolExecutor {
        final AtomicReference<ClassLoader> scheduledWith = new AtomicReference<>();

        Scheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduledWith.set(Thread.currentThread().getContextClassLoader());
            return super.schedule(command, delay, unit);
        }
    }

    @Test
    void theContainersProviderLookupAsksTheApplicationsLoaderOnceAndGetsItsAnswerEveryTime() throws IOException {
        ApplicationLoader application = new ApplicationLoader();
        ProviderLookups loader = new ProviderLookups(application);
        for (int frame = 0; frame < 3; frame++) {
            assertEquals(List.of(application.providerFile),
                    Collections.list(loader.getResources(ProviderLookups.THREAD_CONTEXT_PROVIDERS)));
        }
        assertEquals(1, application.lookups.get());
    }

    @Test
    void everyOtherLookupAndEveryClassIsTheApplicationsLoaders() throws Exception {
        ApplicationLoader application = new ApplicationLoader();
        ProviderLookups loader = new ProviderLookups(application);
        String other = "META-INF/services/java.sql.Driver";
        assertEquals(Collections.list(application.getResources(other)), Collections.list(loader.getResources(other)));
        loader.getResources(other);
        assertEquals(3, application.lookups.get(), "not remembered: asked each time");
        assertSame(ChatIdleTimersTest.class, loader.loadClass(ChatIdleTimersTest.class.getName()));
    }

    @Test
    void theContainersSchedulerIsCalledWithTheLoaderAndTheThreadGetsItsOwnBackEvenWhenItRefuses() throws Exception {
        Scheduler container = new Scheduler();
        ProviderLookups loader = new ProviderLookups(new ApplicationLoader());
        ScheduledExecutorService scheduler = ChatIdleTimers.withProviderLookups(container, loader);
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        try {
            AtomicInteger ran = new AtomicInteger();
            scheduler.schedule(() -> { ran.incrementAndGet(); }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertEquals(1, ran.get());
            assertSame(loader, container.scheduledWith.get());
            assertSame(own, thread.getContextClassLoader());

            scheduler.shutdown();
            assertTrue(container.isShutdown(), "every call reaches the container's scheduler");
            assertThrows(RejectedExecutionException.class,
                    () -> scheduler.schedule(ran::incrementAndGet, 0, TimeUnit.MILLISECONDS),
                    "its own exception, not a reflective wrapper");
            assertSame(own, thread.getContextClassLoader());
        } finally {
            container.shutdownNow();
        }
    }

    /** A socket of a Tyrus shaped like Payara's: the idle timer's scheduler in a field of that name. */
    private static final class TyrusLikeSocket {
        private ScheduledExecutorService service;
    }

    @Test
    void aSocketsSchedulerIsReplacedOnceByOneThatSchedulesWithTheLookups() throws Exception {
        Scheduler container = new Scheduler();
        ProviderLookups loader = new ProviderLookups(new ApplicationLoader());
        TyrusLikeSocket socket = new TyrusLikeSocket();
        socket.service = container;
        try {
            assertTrue(ChatIdleTimers.replaceScheduler(socket, loader));
            ScheduledExecutorService installed = socket.service;
            assertNotSame(container, installed);
            assertTrue(ChatIdleTimers.replaceScheduler(socket, loader));
            assertSame(installed, socket.service, "not wrapped twice");

            installed.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertSame(loader, container.scheduledWith.get());
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
        ProviderLookups loader = new ProviderLookups(new ApplicationLoader());
        TyrusLikeSocket socket = new TyrusLikeSocket();
        socket.service = containers;
        try {
            assertTrue(ChatIdleTimers.replaceScheduler(socket, loader));
            assertNotSame(containers, socket.service);
            socket.service.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertSame(loader, container.scheduledWith.get());
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
