package org.carequeue.web.push;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Runs the sending of socket frames with a context class loader that answers one container lookup
 * from memory. Tyrus restarts a socket's idle timer on every frame through Payara's managed
 * scheduled executor, and that executor looks up the {@code ThreadContextProvider} service file
 * through the thread's context class loader on every schedule, which walks every jar of the server:
 * a fifth of the server's CPU under message load went to the frames we send (docs/benchmarks.md,
 * 2026-12-04 evening). The answer never changes while the application runs, so this loader asks
 * the application's loader once; it delegates everything else to it, so classes, other resources
 * and the context the timer captures stay the application's. Frames received pay the lookup still:
 * Tyrus schedules before the endpoint sees them.
 */
public final class FrameSending extends ClassLoader {

    static final String THREAD_CONTEXT_PROVIDERS =
            "META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider";

    static {
        // Loading is delegated, so threads need not queue on one lock of this loader.
        registerAsParallelCapable();
    }

    private static final FrameSending LOADER = new FrameSending(FrameSending.class.getClassLoader());

    /** What the application's loader answered; null until the first frame. */
    private volatile List<URL> threadContextProviders;

    FrameSending(ClassLoader application) {
        super(application);
    }

    /** Runs {@code send} (one or more {@code sendText} calls) with this loader as the context class loader. */
    public static void run(Runnable send) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADER);
        try {
            send.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
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
