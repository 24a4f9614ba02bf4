package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameSendingTest {

    /** Stands in for the application's loader: counts lookups and knows one provider file. */
    private static final class ApplicationLoader extends ClassLoader {
        final AtomicInteger lookups = new AtomicInteger();
        final URL providerFile;

        ApplicationLoader() throws IOException {
            super(FrameSendingTest.class.getClassLoader());
            providerFile = new URL("file:/app/WEB-INF/lib/some.jar!/" + FrameSending.THREAD_CONTEXT_PROVIDERS);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            lookups.incrementAndGet();
            return FrameSending.THREAD_CONTEXT_PROVIDERS.equals(name)
                    ? Collections.enumeration(List.of(providerFile)) : super.getResources(name);
        }
    }

    @Test
    void theContainersProviderLookupAsksTheApplicationsLoaderOnceAndGetsItsAnswerEveryTime() throws IOException {
        ApplicationLoader application = new ApplicationLoader();
        FrameSending loader = new FrameSending(application);
        for (int frame = 0; frame < 3; frame++) {
            assertEquals(List.of(application.providerFile),
                    Collections.list(loader.getResources(FrameSending.THREAD_CONTEXT_PROVIDERS)));
        }
        assertEquals(1, application.lookups.get());
    }

    @Test
    void everyOtherLookupAndEveryClassIsTheApplicationsLoaders() throws Exception {
        ApplicationLoader application = new ApplicationLoader();
        FrameSending loader = new FrameSending(application);
        String other = "META-INF/services/java.sql.Driver";
        assertEquals(Collections.list(application.getResources(other)), Collections.list(loader.getResources(other)));
        loader.getResources(other);
        assertEquals(3, application.lookups.get(), "not remembered: asked each time");
        assertSame(FrameSendingTest.class, loader.loadClass(FrameSendingTest.class.getName()));
    }

    @Test
    void framesAreSentWithItAndTheThreadGetsItsOwnLoaderBackEvenWhenASendFails() {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        FrameSending.run(() -> assertInstanceOf(FrameSending.class, thread.getContextClassLoader()));
        assertSame(own, thread.getContextClassLoader());
        assertThrows(IllegalStateException.class, () -> FrameSending.run(() -> {
            throw new IllegalStateException("closing");
        }));
        assertSame(own, thread.getContextClassLoader());
    }
}
