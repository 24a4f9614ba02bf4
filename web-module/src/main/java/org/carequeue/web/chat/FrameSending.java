package org.carequeue.web.chat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Runs the sending of chat frames with a context class loader that answers one container lookup
 * from memory. Tyrus restarts a socket's idle timer on every frame through Payara's managed
 * scheduled executor, and that executor looks up the {@code ThreadContextProvider} service file
 * through the thread's context class loader on every schedule, which walks every jar of the server:
 * a fifth of the server's JFR samples under message load went to the frames we send
 * (docs/benchmarks.md, 2026-12-04 evening). The answer never changes while the application runs,
 * so this loader asks the application's loader once and delegates everything else (classes, other
 * resources) to it.
 * <p>
 * The executor also captures this loader as the context of the timer's task. Only chat sockets use
 * it: they have no idle timeout ({@link ChatEndpoint#onOpen}), so that task does nothing when it
 * runs. The desk's sockets close themselves after an idle time and run {@code DeskSocket.onClose}
 * in that task, where Payara finds the application by its own class loader; they send the usual
 * way. Frames received pay the lookup still: Tyrus schedules before the endpoint sees them.
 */
final class FrameSending extends ClassLoader {

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
    static void run(Runnable send) {
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
