package org.carequeue.web.support;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
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
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro started the way {@code run.sh} starts it: {@code java -jar payara-micro.jar} with
 * the built {@code target/ROOT.war} at the root context, the JDBC drivers as server libraries and
 * the server settings of {@code src-config/pre-boot.asadmin},
 * on a free loopback port. The database and options come from the environment, as in production;
 * a test may add environment variables and Micro options (a cluster node's, say).
 */
public final class MicroProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Path RUN_COMMAND_DEFAULTS =
            Path.of("..", "ejb-module", "src", "main", "resources", "META-INF", "microprofile-config.properties");

    private final ProcessBuilder builder;
    private final Process process;
    private final Path log;
    private final int port;

    private MicroProcess(ProcessBuilder builder, Path log, int port) throws IOException {
        this.builder = builder;
        this.process = builder.start();
        this.log = log;
        this.port = port;
    }

    public static MicroProcess start() throws IOException, InterruptedException {
        return start("system-test", Map.of(), List.of("--nocluster"));
    }

    /**
     * Starts one named Micro ({@code target/<name>-<database>-micro.log}) with these environment variables on
     * top of the test's own, and these options instead of {@code --nocluster}.
     */
    public static MicroProcess start(String name, Map<String, String> environment, List<String> options)
            throws IOException, InterruptedException {
        File target = new File(System.getProperty("carequeue.war", "target/ROOT.war")).getParentFile();
        int port = freePort();
        // Both passes run at once in the same folder: the database in the name keeps their nodes apart.
        String node = name + "-" + System.getProperty("carequeue.it.database", "h2");
        Path log = target.toPath().resolve(node + "-micro.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false", "-jar", System.getProperty("payara.microJar"),
                "--port", String.valueOf(port),
                "--deploy", new File(target, "ROOT.war").getPath(), "--contextroot", "/",
                "--addlibs", System.getProperty("carequeue.serverLib"),
                "--prebootcommandfile", System.getProperty("carequeue.preBootCommands")));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (!environment.containsKey("CAREQUEUE_DB_URL") && "h2".equals(System.getProperty("carequeue.it.database"))) {
            // The H2 pass's database file is held by the Payara Micro the Arquillian ITs share.
            builder.environment().put("CAREQUEUE_DB_URL", ownH2Database(target.toPath().resolve(node + "-h2")));
        }
        builder.environment().putAll(environment);
        MicroProcess micro = new MicroProcess(builder, log, port);
        micro.awaitReady();
        return micro;
    }

    /**
     * The same node started again after it ended (killed, say): the same command, environment,
     * port and database (an own H2 file is kept this time); its log goes on in the same file.
     */
    public MicroProcess startAgain() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the node is still running");
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        MicroProcess again = new MicroProcess(builder, log, port);
        again.awaitReady();
        return again;
    }

    /**
     * An empty H2 file database of this node's own, as {@code run.sh} makes one in {@code ./data}:
     * the run command's default URL (with its durability and lock settings) in another folder.
     */
    private static String ownH2Database(Path folder) throws IOException {
        DatabaseUnderTest.deleteFolder(folder);
        Properties defaults = new Properties();
        try (Reader file = Files.newBufferedReader(RUN_COMMAND_DEFAULTS)) {
            defaults.load(file);
        }
        String url = defaults.getProperty("carequeue.db.url");
        if (url == null || !url.startsWith("jdbc:h2:file:./data/carequeue")) {
            throw new IllegalStateException("The default database is no longer ./data's H2 file: " + url);
        }
        return url.replace("./data/carequeue", folder.toAbsolutePath().resolve("carequeue").toString());
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
        // HTTP/1.1: the probe is about our application answering, not about h2c upgrades.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base() + "api/v1/organizations/none/queues"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastAnswer = "no answer yet";
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
                String contentType = answer.headers().firstValue("Content-Type").orElse("");
                // The server answers 404 before the application is deployed too; only ours is problem+json.
                if (answer.statusCode() == 404 && contentType.startsWith("application/problem+json")) {
                    return;
                }
                lastAnswer = answer.statusCode() + " " + contentType;
            } catch (IOException notYet) {
                lastAnswer = notYet.toString();
            }
            Thread.sleep(500);
        }
        // What the server was doing is what the next engineer needs: its threads, before it goes.
        Path threads = log.resolveSibling(log.getFileName().toString().replace(".log", "-threads.txt"));
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(threads.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        close();
        throw new IllegalStateException("Payara Micro on port " + port + " did not answer within " + START_TIMEOUT
                + " (last probe: " + lastAnswer + "; its threads are in " + threads + "); warnings and errors:\n"
                + problems() + "\nthe log's end:\n" + tail());
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

    /** The log's warnings and errors, which a start that never answers hides far above its end. */
    private String problems() throws IOException {
        List<String> lines = Files.readAllLines(log).stream()
                .filter(line -> line.contains("WARNING") || line.contains("SEVERE") || line.contains("Exception"))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
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
