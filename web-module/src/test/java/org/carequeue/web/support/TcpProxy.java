package org.carequeue.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback between CareQueue and a service it depends on, so a test can take the
 * service away ({@link #cut}: open connections break, new ones are refused at once) and give it
 * back ({@link #restore}) without touching the real service, which other tests share.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile double dropShare;
    private Random dropDice;
    private final AtomicInteger dropped = new AtomicInteger();

    private final InetAddress from;

    public TcpProxy(int targetPort) throws IOException {
        this(targetPort, null);
    }

    /**
     * A forwarder whose connections to the target come from {@code from} (another loopback
     * address), as a reverse proxy's would: CareQueue sees that address as the client's.
     */
    public TcpProxy(int targetPort, InetAddress from) throws IOException {
        this.from = from;
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The service is unreachable from now on, as when its machine drops off the network. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /**
     * From now on each answer of the target (each burst of bytes it sends back) is lost with this
     * probability: the connection is closed instead of passing it on, as when a network drops the
     * answer after the target did the work. The dice are seeded, so a failure can be replayed.
     */
    public synchronized void dropAnswers(double share, long seed) {
        dropDice = new Random(seed);
        dropShare = share;
    }

    /** How many answers {@link #dropAnswers} has dropped so far. */
    public int droppedAnswers() {
        return dropped.get();
    }

    private synchronized boolean dropThisAnswer() {
        return dropShare > 0 && dropDice.nextDouble() < dropShare;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                if (from != null) {
                    server.bind(new InetSocketAddress(from, 0));
                }
                server.connect(target, 5_000);
                open.add(client);
                open.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                // listener closed, or the target refused one connection: the client sees it break
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (answers && dropThisAnswer()) {
                        dropped.incrementAndGet();
                        break;
                    }
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // one side closed: the finally below closes the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
