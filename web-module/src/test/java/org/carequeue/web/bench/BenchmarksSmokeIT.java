package org.carequeue.web.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.carequeue.web.support.AgainstBuiltWar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark scenario of bench/Bench.java at a tiny size against the suite's server, so the
 * benchmarks keep working as the product changes. It checks that the load client did what it says
 * and counted sanely (every message delivered and acked, no customer picked twice), not how fast.
 * The server's heap and RSS, the echo baseline and the launches of the start-up scenario need a
 * server of the benchmark's own (bench/run.sh) and are left out here.
 */
class BenchmarksSmokeIT extends AgainstBuiltWar {

    private static final Path CLIENT = Path.of("..", "bench", "Bench.java");
    private static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("carequeue.it.database"));

    @Test
    void everyScenarioRunsAtATinySizeAndCountsSanely() throws Exception {
        Map<String, Double> results = runClient();

        assertEquals(10.0, results.get("connected.customers"));
        assertEquals(0.0, results.get("connected.step10.closedSockets"), "idle customers stay connected");
        assertTrue(results.get("connected.step10.probeP50Ms") > 0);

        assertTrue(results.get("roundtrip.sent") > 0);
        assertEquals(results.get("roundtrip.sent"), results.get("roundtrip.delivered"), "every message reached the agent");
        assertEquals(results.get("roundtrip.sent"), results.get("roundtrip.acked"), "every message was acked");
        assertTrue(results.get("roundtrip.delivery.p99Ms") >= results.get("roundtrip.delivery.p50Ms"));

        assertTrue(results.get("throughput.level2.perSecond") > 0);
        assertEquals(0.0, results.get("throughput.errors"));

        assertTrue(results.get("pick.picks") > 0);
        assertEquals(0.0, results.get("pick.duplicates"), "no customer picked twice, in any round");
        assertEquals(2.0, results.get("pick.rounds"));
        assertEquals(Math.max(results.get("pick.round1.picksPerSecond"), results.get("pick.round2.picksPerSecond")),
                results.get("pick.picksPerSecond"), "the upper middle of two rounds is reported");
        if (POSTGRESQL) {
            assertTrue(results.get("pick.bare.picksPerSecond") > 0);
            assertEquals(0.0, results.get("pick.bare.duplicates"));
        }

        assertEquals(5.0, results.get("statistics.monthConversations"), "the month holds the five requests made");
        assertTrue(results.get("statistics.allQueues.medianMs") > 0);

        assertTrue(results.get("startup.probeMs") >= 0);

        assertEquals(10.0, results.get("soak.customers"));
        assertTrue(results.get("soak.reconnects") > 0, "customers dropped their sockets and came back");
        assertEquals(0.0, results.get("soak.closedByServer"), "the server kept every current socket");
    }

    /**
     * The start-up scenario's second baseline (bench/minimal) is built by bench/run.sh only; this
     * keeps its sources compiling against the APIs CareQueue builds with.
     */
    @Test
    void theStartUpBaselineApplicationCompiles(@TempDir Path classes) throws IOException {
        Path sources = Path.of("..", "bench", "minimal", "src", "minimal");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                // Failsafe starts the tests from a manifest-only jar and names their class path here.
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        try (var files = Files.list(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        assertTrue(arguments.size() > 4, "no sources in " + sources.toAbsolutePath());
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }

    /** Runs the client as the benchmarks do (JDK source launcher) and reads its RESULT lines. */
    private Map<String, Double> runClient() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(CLIENT), CLIENT.toAbsolutePath() + " is missing");
        Path driver = Path.of(System.getProperty("carequeue.serverLib", "target/server-lib"), "postgresql.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", driver.toString(), CLIENT.toString(), "smoke", "--base", api().base().toString(),
                "--small", "true"));
        if (POSTGRESQL) {
            command.addAll(List.of("--jdbc", System.getProperty("carequeue.it.postgresql.url")));
        }
        Path output = Files.createTempFile("bench-smoke", ".log");
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean finished = client.waitFor(180, TimeUnit.SECONDS);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(finished, "the smoke run ends within 180 s:\n" + log);
            assertEquals(0, client.exitValue(), "the client failed:\n" + log);
            Map<String, Double> results = new HashMap<>();
            for (String line : log.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    String[] pair = line.substring("RESULT ".length()).split("=", 2);
                    results.put(pair[0], Double.parseDouble(pair[1]));
                }
            }
            return results;
        } finally {
            client.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
