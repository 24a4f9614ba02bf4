package org.carequeue.web.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro started the way {@code run.sh} starts it: {@code java -jar payara-micro.jar} with
 * the built {@code target/ROOT.war} at the root context and the JDBC drivers as server libraries,
 * on a free loopback port. The database and options come from the environment, as in production;
 * a test may add environment variables and Micro options (a cluster node's, say).
 */
public final class MicroProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;
    private final int port;

    private MicroProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static MicroProcess start() throws IOException, InterruptedException {
        return start("system-test", Map.of(), List.of("--nocluster"));
    }

    /**
     * Starts one named Micro ({@code target/<name>-micro.log}) with these environment variables on
     * top of the test's own, and these options instead of {@code --nocluster}.
     */
    public static MicroProcess start(String name, Map<String, String> environment, List<String> options)
            throws IOException, InterruptedException {
        File target = new File(System.getProperty("carequeue.war", "target/ROOT.war")).getParentFile();
        int port = freePort();
        Path log = target.toPath().resolve(name + "-micro.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", System.getProperty("payara.microJar"),
                "--port", String.valueOf(port),
                "--deploy", new File(target, "ROOT.war").getPath(), "--contextroot", "/",
                "--addlibs", System.getProperty("carequeue.serverLib")));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (!environment.containsKey("CAREQUEUE_DB_URL") && "h2".equals(System.getProperty("carequeue.it.database"))) {
            // The H2 pass's database file is held by the Payara Micro the Arquillian ITs share.
            builder.environment().put("CAREQUEUE_DB_URL", ownH2Database(target.toPath().resolve(name + "-h2")));
        }
        builder.environment().putAll(environment);
        MicroProcess micro = new MicroProcess(builder.start(), log, port);
        micro.awaitReady();
        return micro;
    }

    /** An empty H2 file database of this node's own, as {@code run.sh} makes one in {@code ./data}. */
    private static String ownH2Database(Path folder) throws IOException {
        DatabaseUnderTest.deleteFolder(folder);
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("carequeue") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ready when the API answers (with problem+json for an organization that does not exist). */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base() + "api/v1/organizations/none/queues"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited while starting:\n" + tail());
            }
            if (Files.readString(log).contains("Exception while deploying the app")) {
                close();
                throw new IllegalStateException("CareQueue did not deploy:\n" + tail());
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                // The server answers 404 before the application is deployed too; only ours is problem+json.
                if (answer.statusCode() == 404
                        && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Payara Micro did not start within " + START_TIMEOUT + ":\n" + tail());
    }

    /** Waits until the server's log shows this text (a grid membership, say). */
    public void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(log).contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The log of " + log.getFileName() + " did not show \"" + text
                        + "\" within " + timeout + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Ends the node the way a crash does: SIGKILL, no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
