import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The load client of CareQueue's benchmarks (docs/benchmarks.md): one scenario per run, JDK
 * HttpClient and WebSocket only (plus the PostgreSQL driver for the plain-JDBC baseline), every
 * loop bounded by a count or a deadline, every address on 127.0.0.1. Each scenario signs up an
 * organization of its own, so runs never see each other's data.
 *
 * Results go to standard output as lines {@code RESULT <scenario>.<name>=<value>} (what the smoke
 * test and docs read) besides the human-readable lines; warm-up rounds print theirs as {@code WARMUP} lines,
 * and a scenario measured in several rounds each round's as {@code ROUND<n>} lines before the middle one's RESULT lines.
 *
 * Run through bench/run.sh, which starts the server; directly:
 *   java -cp postgresql.jar bench/Bench.java SCENARIO --base http://127.0.0.1:PORT/ [--echo ws://127.0.0.1:PORT/echo/echo]
 *        [--pid SERVER_PID] [--jdbc jdbc:postgresql://127.0.0.1:5432/db?currentSchema=s] [--small true] [scenario options]
 */
public class Bench {

    static final String PASSWORD = "bench-password-1";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Hazelcast reads these only as JVM properties: no usage report, the grid on loopback (src-config/pre-boot.asadmin). */
    static final String NO_PHONE_HOME = "-Dhazelcast.phone.home.enabled=false";
    static final String GRID_ON_ONE_INTERFACE = "-Dhazelcast.socket.bind.any=false";
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

    final Map<String, String> options;
    final URI base;
    final boolean small;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8, daemon())).build();
    final Map<String, Object> results = new HashMap<>();
    String scenario;

    Bench(Map<String, String> options) {
        this.options = options;
        this.base = URI.create(option("--base", "http://127.0.0.1:8080/"));
        this.small = Boolean.parseBoolean(option("--small", "false"));
        loopbackOnly(base);
        if (options.containsKey("--echo")) {
            loopbackOnly(URI.create(options.get("--echo")));
        }
        if (options.containsKey("--jdbc")) {
            loopbackOnly(URI.create(options.get("--jdbc").substring("jdbc:".length())));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Scenarios: connected, roundtrip, throughput, pick, statistics, startup, soak, smoke");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args[0].equals("smoke")) {
            // Against the server the smoke run is given: start-up probes it instead of launching servers.
            options.putIfAbsent("--probe-only", "true");
        }
        Bench bench = new Bench(options);
        List<String> scenarios = args[0].equals("smoke")
                ? List.of("connected", "roundtrip", "throughput", "pick", "statistics", "startup", "soak")
                : List.of(args[0]);
        for (String scenario : scenarios) {
            bench.run(scenario);
        }
        System.exit(0);
    }

    void run(String name) throws Exception {
        scenario = name;
        // The JIT compiler is busy for minutes after a start (a third to two fifths of the server's
        // CPU in the first minute, by the profiles): the measured round runs on a node as warm as
        // one in service. The warm-up rounds print WARMUP lines instead of RESULT lines.
        int rounds = WARMED_UP.contains(name) ? integer("--warmup-rounds", small ? 0 : 3) : 0;
        for (int round = 1; round <= rounds; round++) {
            System.out.println("== " + name + ", warm-up round " + round + " of " + rounds);
            warmingUp = true;
            try {
                runOnce(name);
            } finally {
                warmingUp = false;
            }
        }
        long began = System.nanoTime();
        System.out.println("== " + name + (small ? " (small)" : ""));
        runOnce(name);
        result("seconds", (System.nanoTime() - began) / 1_000_000_000.0);
    }

    /** The scenarios whose rates depend on how warm the server is; round trip warms up within its run. */
    static final List<String> WARMED_UP = List.of("throughput", "pick");

    /** Whether results are only printed, as WARMUP lines, and expensive baselines skipped. */
    boolean warmingUp;

    /** The measured round under way when there are several (from 1), 0 otherwise; its results print as ROUND lines. */
    int round;
    final Map<String, Object> roundResults = new LinkedHashMap<>();

    /** A measured round: what it reports goes through {@link #result}; returns the number rounds are ranked by. */
    interface Round {
        double run() throws Exception;
    }

    /**
     * Measures {@code rounds} rounds on the same warm server and reports every round's
     * {@code rankedBy} ({@code round<n>.<rankedBy>}, in order) and the middle round's results (by
     * {@code rankedBy}; of an even number, the upper middle) as RESULT lines, except that each of
     * {@code summed} is the sum over all rounds (a duplicate pick in any round must show).
     *
     * @return the middle round's {@code rankedBy}
     */
    double middleOfRounds(int rounds, Round measure, String rankedBy, String... summed) throws Exception {
        List<Map<String, Object>> measured = new ArrayList<>();
        try {
            for (round = 1; round <= rounds; round++) {
                System.out.println("-- measured round " + round + " of " + rounds);
                roundResults.clear();
                measure.run();
                measured.add(new LinkedHashMap<>(roundResults));
            }
        } finally {
            round = 0;
        }
        for (int i = 0; i < rounds; i++) {
            result("round" + (i + 1) + "." + rankedBy, measured.get(i).get(rankedBy));
        }
        measured.sort(Comparator.comparingDouble(r -> (Double) r.get(rankedBy)));
        Map<String, Object> middle = measured.get(rounds / 2);
        Map<String, Object> reported = new LinkedHashMap<>(middle);
        for (String key : summed) {
            reported.put(key, measured.stream().mapToLong(r -> ((Number) r.get(key)).longValue()).sum());
        }
        reported.forEach(this::result);
        result("rounds", rounds);
        return (Double) middle.get(rankedBy);
    }

    private void runOnce(String name) throws Exception {
        switch (name) {
            case "connected" -> connected();
            case "roundtrip" -> roundTrip();
            case "throughput" -> throughput();
            case "pick" -> pick();
            case "statistics" -> statistics();
            case "startup" -> startup();
            case "soak" -> soak();
            default -> throw new IllegalArgumentException("Unknown scenario " + name);
        }
    }

    // --- 1. connected customers -------------------------------------------------------------

    /**
     * Opens idle customer sockets in steps; at each step the server's heap after a full GC, its
     * RSS and a probe request's latency. The echo endpoint's sockets first, as the baseline.
     */
    void connected() throws Exception {
        int[] steps = ints(option("--steps", small ? "5,10" : "1000,2500,5000,10000"));
        int total = steps[steps.length - 1];
        Long pid = options.containsKey("--pid") ? Long.parseLong(options.get("--pid")) : null;
        long heapBefore = heapUsedKb(pid);
        if (options.containsKey("--echo")) {
            List<Socket> echoes = new ArrayList<>();
            openInParallel(total, i -> {
                Socket socket = Socket.open(http, URI.create(options.get("--echo")));
                socket.send("hello " + i);
                socket.await(frame -> frame.startsWith("hello"));
                synchronized (echoes) {
                    echoes.add(socket);
                }
            });
            long heapEcho = heapUsedKb(pid);
            result("echo.sockets", echoes.size());
            if (pid != null) {
                result("echo.heapKbPerSocket", (heapEcho - heapBefore) / (double) total);
                result("echo.rssMb", rssKb(pid) / 1024);
            }
            echoes.forEach(Socket::close);
            Thread.sleep(2000);
        }
        Org org = signUp();
        int perQueue = 100;
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < (total + perQueue - 1) / perQueue; i++) {
            queues.add(queue(org, perQueue));
        }
        long heapBase = heapUsedKb(pid);
        long rssBase = pid == null ? 0 : rssKb(pid);
        List<Customer> customers = Collections.synchronizedList(new ArrayList<>());
        List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
        int opened = 0;
        for (int step : steps) {
            int from = opened;
            long stepBegan = System.nanoTime();
            openInParallel(step - from, i -> {
                int index = from + i;
                Customer customer = request(queues.get(index / perQueue));
                Socket socket = Socket.open(http, webSocketUri());
                socket.send("{\"type\":\"auth\",\"token\":\"" + customer.token() + "\"}");
                socket.await(frame -> "ready".equals(type(frame)));
                customers.add(customer);
                sockets.add(socket);
            });
            opened = step;
            double joinSeconds = (System.nanoTime() - stepBegan) / 1e9;
            Thread.sleep(small ? 200 : 3000);
            long closed = sockets.stream().filter(Socket::isClosed).count();
            List<Double> probes = new ArrayList<>();
            for (int i = 0; i < (small ? 3 : 20); i++) {
                Customer probe = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
                long t = System.nanoTime();
                expect(200, get("api/v1/audiences/" + probe.audienceId(), probe.token()));
                probes.add((System.nanoTime() - t) / 1e6);
            }
            String prefix = "step" + step + ".";
            result(prefix + "joinedPerSecond", (step - from) / joinSeconds);
            result(prefix + "closedSockets", closed);
            result(prefix + "probeP50Ms", percentile(probes, 50));
            result(prefix + "probeMaxMs", percentile(probes, 100));
            if (pid != null) {
                long heap = heapUsedKb(pid);
                long rss = rssKb(pid);
                result(prefix + "heapMb", heap / 1024);
                result(prefix + "rssMb", rss / 1024);
                result(prefix + "heapKbPerCustomer", (heap - heapBase) / (double) step);
                result(prefix + "rssKbPerCustomer", (rss - rssBase) / (double) step);
            }
        }
        result("customers", sockets.size());
        sockets.forEach(Socket::close);
    }

    // --- soak: sockets with reconnect churn (docs/reliability.md) --------------------------------

    /**
     * Customers on sockets for a while, some dropping their socket and coming back every second
     * (a new socket, {@code auth}, {@code resume}) as phones on bad networks do; every sample
     * interval the server's heap after a full GC, its open file descriptors and its threads. What
     * a closed session leaves behind shows as growth from the first sample to the last.
     */
    void soak() throws Exception {
        int count = integer("--customers", small ? 10 : 2000);
        int seconds = integer("--seconds", small ? 4 : 600);
        int sampleSeconds = integer("--sample-seconds", small ? 2 : 60);
        int churnPerSecond = integer("--churn", small ? 2 : 20);
        Long pid = options.containsKey("--pid") ? Long.parseLong(options.get("--pid")) : null;
        Org org = signUp();
        int perQueue = 100;
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < (count + perQueue - 1) / perQueue; i++) {
            queues.add(queue(org, perQueue));
        }
        Customer[] customers = new Customer[count];
        Socket[] sockets = new Socket[count];
        openInParallel(count, i -> {
            customers[i] = request(queues.get(i / perQueue));
            sockets[i] = connectCustomer(customers[i]);
        });
        List<String> samples = new ArrayList<>();
        long began = System.nanoTime();
        long deadline = began + seconds * 1_000_000_000L;
        long nextSample = began;
        int reconnects = 0;
        int sample = 0;
        while (true) {
            if (System.nanoTime() >= nextSample) {
                samples.add(soakSample(pid, sample++, (System.nanoTime() - began) / 1_000_000_000L));
                nextSample += sampleSeconds * 1_000_000_000L;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            long second = System.nanoTime();
            int[] churned = ThreadLocalRandom.current().ints(churnPerSecond, 0, count).distinct().toArray();
            openInParallel(churned.length, j -> {
                int i = churned[j];
                sockets[i].close();
                sockets[i] = connectCustomer(customers[i]);
            });
            reconnects += churned.length;
            long rest = 1000 - (System.nanoTime() - second) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        long closedByServer = java.util.Arrays.stream(sockets).filter(Socket::isClosed).count();
        result("customers", count);
        result("reconnects", reconnects);
        result("closedByServer", closedByServer);
        System.out.println("  sample, seconds, heap MB, open files, threads");
        samples.forEach(line -> System.out.println("  " + line));
        java.util.Arrays.stream(sockets).forEach(Socket::close);
    }

    /** A customer's socket, authenticated and resumed from the start of their conversation. */
    Socket connectCustomer(Customer customer) throws Exception {
        Socket socket = Socket.open(http, webSocketUri());
        socket.send("{\"type\":\"auth\",\"token\":\"" + customer.token() + "\"}");
        socket.await(frame -> "ready".equals(type(frame)));
        socket.send("{\"type\":\"resume\",\"since\":0}");
        return socket;
    }

    String soakSample(Long pid, int sample, long second) throws Exception {
        if (pid == null) {
            return sample + ", " + second + ", -, -, -";
        }
        long heapMb = heapUsedKb(pid) / 1024;
        long openFiles;
        try (var files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            openFiles = files.count();
        }
        long threads = statusField(pid, "Threads:");
        String prefix = "sample" + sample + ".";
        result(prefix + "second", second);
        result(prefix + "heapMb", heapMb);
        result(prefix + "openFiles", openFiles);
        result(prefix + "threads", threads);
        return sample + ", " + second + ", " + heapMb + ", " + openFiles + ", " + threads;
    }

    // --- 2. round trip ------------------------------------------------------------------------

    /**
     * Live audiences, each customer on a socket and their agents on theirs; customers send at a
     * steady total rate. Delivery: the customer's send to the message frame at the agent's socket;
     * ack: to the customer's {@code sent} frame (after commit). Then the echo endpoint at the same rate.
     */
    void roundTrip() throws Exception {
        int audiences = integer("--audiences", small ? 4 : 1000);
        int agentCount = integer("--agents", small ? 1 : 20);
        double rate = Double.parseDouble(option("--rate", small ? "20" : "200"));
        int seconds = integer("--seconds", small ? 2 : 30);
        int warmup = integer("--warmup", small ? 0 : 5);
        Live live = live(audiences, agentCount);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Samples delivery = new Samples();
        Samples ack = new Samples();
        live.onAgentFrame = frame -> {
            String id = field(frame, "text");
            Long t = id == null ? null : sentAt.get(id);
            if ("message".equals(type(frame)) && t != null && frame.contains("\"customer\"")) {
                delivery.add(System.nanoTime() - t);
            }
        };
        live.onCustomerFrame = frame -> {
            if ("sent".equals(type(frame))) {
                Long t = sentAt.get(field(frame, "clientMessageId"));
                if (t != null) {
                    ack.add(System.nanoTime() - t);
                }
            }
        };
        AtomicLong ids = new AtomicLong();
        if (warmup > 0) {
            steadily(rate, warmup, live.customers.size(), i -> live.customers.get(i).send(sendFrame("w-" + ids.incrementAndGet())));
            Thread.sleep(1000);
        }
        int sent = steadily(rate, seconds, live.customers.size(), i -> {
            String id = "m-" + ids.incrementAndGet();
            sentAt.put(id, System.nanoTime());
            live.customers.get(i).send(sendFrame(id));
        });
        awaitCount(() -> Math.min(delivery.count(), ack.count()), sent);
        result("audiences", audiences);
        result("ratePerSecond", rate);
        result("sent", sent);
        result("delivered", delivery.count());
        result("acked", ack.count());
        delivery.report("delivery");
        ack.report("ack");
        live.close();
        if (options.containsKey("--echo")) {
            List<Socket> echoes = new ArrayList<>();
            Samples echo = new Samples();
            Map<String, Long> echoSentAt = new ConcurrentHashMap<>();
            openInParallel(audiences, i -> {
                Socket socket = Socket.open(http, URI.create(options.get("--echo")));
                socket.onFrame = frame -> {
                    Long t = echoSentAt.get(frame);
                    if (t != null) {
                        echo.add(System.nanoTime() - t);
                    }
                };
                synchronized (echoes) {
                    echoes.add(socket);
                }
            });
            if (warmup > 0) {
                steadily(rate, warmup, echoes.size(), i -> echoes.get(i).send("w-" + ids.incrementAndGet()));
            }
            int echoSent = steadily(rate, seconds, echoes.size(), i -> {
                String id = sendFrame("e-" + ids.incrementAndGet());
                echoSentAt.put(id, System.nanoTime());
                echoes.get(i).send(id);
            });
            awaitCount(echo::count, echoSent);
            result("echo.sent", echoSent);
            echo.report("echo");
            result("deliveryP99ToEchoP99", delivery.percentileMs(99) / Math.max(echo.percentileMs(99), 0.001));
            echoes.forEach(Socket::close);
        }
    }

    // --- 3. sustained messages per second -----------------------------------------------------

    /**
     * Closed loop: at each level that many customers keep one message in flight (the next goes
     * when the last one's {@code sent} arrived, i.e. after commit). Throughput rises with the level
     * until the server saturates; the knee is the last level that still added 10 %. In the smoke
     * run a customer sends at most 100 messages per level: the suite's server limits a customer
     * token to 400 messages a minute, which a fast server would otherwise reach within the run (a
     * refusal counts as an error).
     */
    void throughput() throws Exception {
        int[] levels = ints(option("--levels", small ? "1,2" : "1,4,16,64,128,256,512"));
        int seconds = integer("--seconds", small ? 1 : 8);
        // One round's ratio to the echo went 0.42, 0.55, 0.32, 0.47 in four rounds on one server
        // (docs/benchmarks.md, fifteenth session): the result is the middle one of several.
        int rounds = warmingUp ? 1 : integer("--rounds", small ? 1 : 3);
        Round sending = () -> throughputRound(levels, seconds);
        if (rounds == 1) {
            sending.run();
        } else {
            middleOfRounds(rounds, sending, options.containsKey("--echo") ? "maxToEchoMax" : "maxPerSecond", "errors");
        }
    }

    /** One round: every level on CareQueue, then on the echo when there is one; the ratio of their bests (their best without one). */
    double throughputRound(int[] levels, int seconds) throws Exception {
        int max = Arrays.stream(levels).max().orElseThrow();
        errors.set(0);
        Live live = live(max, Math.max(1, max / 50));
        List<Socket> customers = live.customers;
        double[] rates = closedLoop("", levels, seconds, customers, (socket, onAck) -> {
            socket.onFrame = frame -> {
                if ("sent".equals(type(frame))) {
                    onAck.run();
                } else if ("error".equals(type(frame))) {
                    errors.incrementAndGet();
                    onAck.run();
                }
            };
        });
        result("errors", errors.get());
        live.close();
        double best = Arrays.stream(rates).max().orElse(0);
        if (options.containsKey("--echo")) {
            List<Socket> echoes = new ArrayList<>();
            openInParallel(max, i -> {
                Socket socket = Socket.open(http, URI.create(options.get("--echo")));
                synchronized (echoes) {
                    echoes.add(socket);
                }
            });
            double[] echoRates = closedLoop("echo.", levels, seconds, echoes,
                    (socket, onAck) -> socket.onFrame = frame -> onAck.run());
            double echoBest = Arrays.stream(echoRates).max().orElse(0);
            double ratio = best / Math.max(echoBest, 0.001);
            result("maxToEchoMax", ratio);
            echoes.forEach(Socket::close);
            return ratio;
        }
        return best;
    }

    final AtomicInteger errors = new AtomicInteger();

    interface Wiring {
        void wire(Socket socket, Runnable onAnswer);
    }

    double[] closedLoop(String prefix, int[] levels, int seconds, List<Socket> sockets, Wiring wiring)
            throws InterruptedException {
        double[] rates = new double[levels.length];
        AtomicLong ids = new AtomicLong();
        int perSocket = integer("--max-per-customer", small ? 100 : Integer.MAX_VALUE);
        for (int l = 0; l < levels.length; l++) {
            int level = levels[l];
            Samples latency = new Samples();
            CpuTimes cpu = cpuTimes();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            CountDownLatch finished = new CountDownLatch(level);
            for (int i = 0; i < level; i++) {
                Socket socket = sockets.get(i);
                long[] sentAt = new long[1];
                int[] sent = new int[1];
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    if (System.nanoTime() >= deadline || sent[0]++ >= perSocket) {
                        finished.countDown();
                        return;
                    }
                    sentAt[0] = System.nanoTime();
                    socket.send(sendFrame("t-" + ids.incrementAndGet()));
                };
                wiring.wire(socket, () -> {
                    latency.add(System.nanoTime() - sentAt[0]);
                    next[0].run();
                });
                next[0].run();
            }
            long began = System.nanoTime();
            finished.await(seconds + WAIT.toSeconds(), TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - began) / 1e9;
            rates[l] = latency.count() / elapsed;
            String p = prefix + "level" + level + ".";
            result(p + "perSecond", rates[l]);
            result(p + "p50Ms", latency.percentileMs(50));
            result(p + "p99Ms", latency.percentileMs(99));
            cpuPerOperation(p, cpu, cpuTimes(), latency.count(), true);
            sockets.forEach(s -> s.onFrame = null);
            Thread.sleep(500);
        }
        int knee = 0;
        while (knee + 1 < levels.length && rates[knee + 1] >= rates[knee] * 1.1) {
            knee++;
        }
        result(prefix + "kneeLevel", levels[knee]);
        result(prefix + "kneePerSecond", rates[knee]);
        result(prefix + "maxPerSecond", Arrays.stream(rates).max().orElse(0));
        return rates;
    }

    // --- 4. pick under contention -------------------------------------------------------------

    /**
     * Agents pick the next customer as fast as they can from queues prefilled and filled at a
     * steady rate. Every picked audience id is collected: a duplicate would be a customer two agents got.
     */
    void pick() throws Exception {
        int agentCount = integer("--agents", small ? 2 : 16);
        int queueCount = integer("--queues", small ? 1 : 4);
        // A line that outlasts the goal: 500 picks a second for 10 s take 5,000, the filling adds 1,000.
        // Faster agents empty it (a NOTE says so); 16,000 was tried (docs/benchmarks.md, eighth session).
        int prefill = integer("--prefill", small ? 10 : 8000);
        double fillRate = Double.parseDouble(option("--fill-rate", small ? "5" : "100"));
        int seconds = integer("--seconds", small ? 2 : 10);
        // One round's rate moved by up to 1.7x between runs of one build, and by 1.5x from one
        // round to the next on one server (docs/benchmarks.md, fifteenth session): the result is
        // the middle one of several.
        int rounds = warmingUp ? 1 : integer("--rounds", small ? 2 : 3);
        Round picking = () -> pickRound(agentCount, queueCount, prefill, fillRate, seconds);
        double rate = rounds == 1 ? picking.run() : middleOfRounds(rounds, picking, "picksPerSecond", "duplicates");
        if (options.containsKey("--jdbc") && !warmingUp) {
            // The bare pickers would empty a line as long as CareQueue's in a few seconds, and then
            // count only how fast customers arrive: theirs is long enough to last the run.
            int barePrefill = integer("--bare-prefill", small ? prefill : 50_000);
            double bare = bareConditionalUpdate(agentCount, queueCount, barePrefill, fillRate, seconds);
            result("picksToBare", rate / bare);
        }
    }

    /** One round of picking, by an organization of its own; its rate in picks a second. */
    double pickRound(int agentCount, int queueCount, int prefill, double fillRate, int seconds) throws Exception {
        Org org = signUp();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agents.add(agent(org));
        }
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < queueCount; i++) {
            queues.add(queue(org, 100_000, agents.toArray(Agent[]::new)));
        }
        openInParallel(prefill, i -> request(queues.get(i % queueCount)));
        System.out.println("   " + prefill + " customers wait; " + agentCount + " agents pick for " + seconds + " s");
        ConcurrentLinkedQueue<String> picked = new ConcurrentLinkedQueue<>();
        Samples latency = new Samples();
        AtomicInteger empty = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(agentCount + 1, daemon());
        CpuTimes cpu = cpuTimes();
        long began = System.nanoTime();
        Future<Integer> filled = pool.submit(() -> fill(fillRate, seconds, queues));
        for (int a = 0; a < agentCount; a++) {
            Agent agent = agents.get(a);
            int first = a;
            pool.submit(() -> {
                int q = first;
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    HttpResponse<String> reply = post("api/v1/queues/" + queues.get(q % queueCount) + "/pick", agent.token(), null);
                    if (reply.statusCode() == 200) {
                        latency.add(System.nanoTime() - t);
                        picked.add(field(reply.body(), "audienceId"));
                    } else if (reply.statusCode() == 404) {
                        empty.incrementAndGet();
                        q++;
                    } else if (reply.statusCode() == 409) {
                        conflicts.incrementAndGet();
                    } else {
                        throw new IllegalStateException("Pick answered " + reply.statusCode() + ": " + reply.body());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Pickers did not stop");
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        result("agents", agentCount);
        result("picks", picked.size());
        result("picksPerSecond", picked.size() / elapsed);
        result("duplicates", picked.size() - new HashSet<>(picked).size());
        result("emptyAnswers", empty.get());
        // Customers who joined during the run: fewer than the fill rate asks only when more than
        // FILLING_IN_FLIGHT arrivals wait for their answers.
        result("arrivals", filled.get());
        if (empty.get() > 0 && !small) {
            System.out.println("NOTE the agents emptied lines: picks/s counts how fast customers came, not how fast they were picked");
        }
        result("conflicts", conflicts.get());
        latency.report("pick");
        // The filling's requests are in it too, as they are in the bare baseline's.
        cpuPerOperation("pick.", cpu, cpuTimes(), picked.size(), true);
        return picked.size() / elapsed;
    }

    /** Most arrivals of the pick scenario's filling waiting for their answers at once. */
    static final int FILLING_IN_FLIGHT = 64;

    /**
     * Customers join the queues in turn at a steady rate, each request sent without waiting for
     * the one before: one at a time, the filling ran at the rate of one answer from a server busy
     * with sixteen pickers (a third of the rate asked). The number that joined.
     */
    int fill(double perSecond, int seconds, List<String> queues) throws Exception {
        Semaphore inFlight = new Semaphore(FILLING_IN_FLIGHT);
        AtomicInteger joined = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        steadily(perSecond, seconds, queues.size(), q -> {
            inFlight.acquire();
            http.sendAsync(requestBuilder(queues.get(q)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((reply, error) -> {
                        if (error != null) {
                            failures.add(error.toString());
                        } else if (reply.statusCode() != 201) {
                            failures.add("Request answered " + reply.statusCode() + ": " + reply.body());
                        } else {
                            joined.incrementAndGet();
                        }
                        inFlight.release();
                    });
        });
        if (!inFlight.tryAcquire(FILLING_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Arrivals unanswered after a minute");
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " arrivals failed, the first: " + failures.peek());
        }
        return joined.get();
    }

    /**
     * The baseline: the same picking on a table of our own through plain JDBC, one connection per
     * agent, autocommit: read the head of the line, then {@code update ... where id = ? and state
     * = 'REQUESTED'}; zero rows means another agent won, so read again.
     */
    double bareConditionalUpdate(int agentCount, int queueCount, int prefill, double fillRate, int seconds) throws Exception {
        String url = options.get("--jdbc");
        String table = "bench_pick_line";
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = db.createStatement()) {
                s.execute("drop table if exists " + table);
                s.execute("create table " + table + " (id varchar(36) primary key, queue_id varchar(36) not null,"
                        + " state varchar(16) not null, agent_id varchar(36), requested_at timestamp not null)");
                s.execute("create index " + table + "_line on " + table + " (queue_id, state, requested_at, id)");
            }
            try (PreparedStatement insert = db.prepareStatement("insert into " + table + " values (?, ?, 'REQUESTED', null, ?)")) {
                for (int i = 0; i < prefill; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "q" + (i % queueCount));
                    insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            ConcurrentLinkedQueue<String> picked = new ConcurrentLinkedQueue<>();
            Samples latency = new Samples();
            AtomicInteger lost = new AtomicInteger();
            AtomicInteger empty = new AtomicInteger();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(agentCount + 1, daemon());
            CpuTimes cpu = cpuTimes();
            long began = System.nanoTime();
            pool.submit(() -> {
                try (Connection filler = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement insert = filler.prepareStatement("insert into " + table + " values (?, ?, 'REQUESTED', null, ?)")) {
                    steadily(fillRate, seconds, queueCount, q -> {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "q" + q);
                        insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                        insert.executeUpdate();
                    });
                }
                return null;
            });
            for (int a = 0; a < agentCount; a++) {
                int first = a;
                pool.submit(() -> {
                    try (Connection agent = DriverManager.getConnection(url, "postgres", "");
                         PreparedStatement head = agent.prepareStatement("select id from " + table
                                 + " where queue_id = ? and state = 'REQUESTED' order by requested_at, id limit 1");
                         PreparedStatement take = agent.prepareStatement("update " + table
                                 + " set state = 'ACCEPTED', agent_id = ? where id = ? and state = 'REQUESTED'")) {
                        int q = first;
                        while (System.nanoTime() < deadline) {
                            long t = System.nanoTime();
                            head.setString(1, "q" + (q % queueCount));
                            String id = null;
                            try (ResultSet rs = head.executeQuery()) {
                                if (rs.next()) {
                                    id = rs.getString(1);
                                }
                            }
                            if (id == null) {
                                empty.incrementAndGet();
                                q++;
                                continue;
                            }
                            take.setString(1, "agent" + first);
                            take.setString(2, id);
                            if (take.executeUpdate() == 1) {
                                latency.add(System.nanoTime() - t);
                                picked.add(id);
                            } else {
                                lost.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            // Read a second before the deadline, while the pickers' connections (and their CPU) are
            // still there: a connection closed before the reading would take its CPU with it.
            TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - 1_000_000_000L - System.nanoTime()));
            CpuTimes beforeTheEnd = cpuTimes();
            int picksBeforeTheEnd = picked.size();
            if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Bare pickers did not stop");
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            double rate = picked.size() / elapsed;
            result("bare.picksPerSecond", rate);
            result("bare.duplicates", picked.size() - new HashSet<>(picked).size());
            result("bare.lostRaces", lost.get());
            result("bare.emptyAnswers", empty.get());
            latency.report("bare.pick");
            cpuPerOperation("bare.pick.", cpu, beforeTheEnd, picksBeforeTheEnd, false);
            try (Statement s = db.createStatement()) {
                s.execute("drop table " + table);
            }
            return rate;
        }
    }

    // --- 5. statistics ------------------------------------------------------------------------

    /**
     * Times a month's daily statistics for all queues and for one queue, as an operator, after
     * warm-up requests; the median of the runs. Without --user, a fresh organization with a few
     * audiences of its own (the smoke run); with it, the seeded one (bench/seed-statistics.sh). One
     * queue: --queue, else the first of the operator's own queues, else none.
     */
    void statistics() throws Exception {
        int runs = integer("--runs", small ? 3 : 11);
        String token;
        if (options.containsKey("--user")) {
            token = signIn(options.get("--user"), option("--password", "demo"));
        } else {
            Org org = signUp();
            Agent agent = agent(org);
            String queue = queue(org, 1000, agent);
            for (int i = 0; i < 5; i++) {
                request(queue);
                expect(200, post("api/v1/queues/" + queue + "/pick", agent.token(), null));
            }
            token = org.ownerToken();
        }
        String zone = option("--zone", "Europe/Helsinki");
        LocalDate to = LocalDate.parse(option("--to", LocalDate.now(java.time.ZoneId.of(zone)).plusDays(1).toString()));
        LocalDate from = LocalDate.parse(option("--from", to.minusMonths(1).toString()));
        String query = "?from=" + from + "&to=" + to + "&zone=" + URLEncoder.encode(zone, StandardCharsets.UTF_8) + "&interval=daily";
        String queueId = option("--queue", field(expect(200, get("api/v1/me", token)), "id"));
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("allQueues", "api/v1/statistics" + query);
        if (queueId != null) {
            paths.put("oneQueue", "api/v1/queues/" + queueId + "/statistics" + query);
        }
        paths.put("byTag", "api/v1/statistics/tags" + query);
        for (var path : paths.entrySet()) {
            for (int i = 0; i < 3; i++) {
                expect(200, get(path.getValue(), token));
            }
            Samples times = new Samples();
            String body = null;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                body = expect(200, get(path.getValue(), token));
                times.add(System.nanoTime() - t);
            }
            result(path.getKey() + ".medianMs", times.percentileMs(50));
            result(path.getKey() + ".maxMs", times.percentileMs(100));
            if (path.getKey().equals("allQueues")) {
                Matcher total = Pattern.compile("\"total\"\\s*:\\s*\\{[^}]*\"conversations\"\\s*:\\s*(\\d+)").matcher(body);
                result("monthConversations", total.find() ? Long.parseLong(total.group(1)) : -1);
            }
        }
    }

    // --- 6. start-up --------------------------------------------------------------------------

    /**
     * Launches an empty Payara Micro, Payara Micro with the minimal application of the same
     * technologies (--minimal-war, bench/minimal; optional) and Payara Micro with CareQueue, in
     * turn, each until its first served request (for an application, an answer of its REST API),
     * then stops it. With --probe-only the running server is probed instead (the smoke run).
     */
    void startup() throws Exception {
        if (Boolean.parseBoolean(option("--probe-only", "false"))) {
            long t = System.nanoTime();
            awaitServed(base.resolve("api/v1/me"), Duration.ofSeconds(30), null, null);
            result("probeMs", (System.nanoTime() - t) / 1e6);
            return;
        }
        int runs = integer("--runs", 3);
        String micro = options.get("--micro");
        String war = options.get("--war");
        String lib = options.get("--server-lib");
        String preBoot = options.get("--pre-boot");
        Path logs = Path.of(option("--logs", "bench/target"));
        Files.createDirectories(logs);
        int port = base.getPort();
        String minimalWar = options.get("--minimal-war");
        Samples empty = new Samples();
        Samples minimal = new Samples();
        Samples careQueue = new Samples();
        // All with the same server settings (HTTP/2 off, no phone home, grid on loopback), so the
        // ratios are what the applications cost.
        List<String> node = List.of("java", "-Xmx1g", NO_PHONE_HOME, GRID_ON_ONE_INTERFACE, "-jar", micro,
                "--nocluster", "--port", "" + port, "--prebootcommandfile", preBoot);
        for (int run = 0; run < runs; run++) {
            empty.add(launch("empty", node, base.resolve("/"), logs));
            if (minimalWar != null) {
                minimal.add(launch("minimal", plus(node, "--deploy", minimalWar, "--contextroot", "/", "--addlibs", lib),
                        base.resolve("/api/v1/me"), logs));
            }
            careQueue.add(launch("CareQueue", plus(node, "--deploy", war, "--contextroot", "/", "--addlibs", lib),
                    base.resolve("/api/v1/me"), logs));
        }
        empty.report("empty");
        careQueue.report("carequeue");
        result("medianRatio", careQueue.percentileMs(50) / empty.percentileMs(50));
        if (minimalWar != null) {
            // What any application of CareQueue's kind pays (bench/minimal), and what is CareQueue's own on top.
            minimal.report("minimal");
            result("minimalMedianRatio", minimal.percentileMs(50) / empty.percentileMs(50));
            result("overMinimalMedianRatio", careQueue.percentileMs(50) / minimal.percentileMs(50));
        }
    }

    /** Launches one server, its log in LOGS/startup-NAME.log* (the last launch's only). */
    long launch(String name, List<String> command, URI firstRequest, Path logs) throws Exception {
        Path log = logs.resolve("startup-" + name.toLowerCase(Locale.ROOT) + ".log");
        for (Path earlier : payaraLogs(log)) {
            Files.delete(earlier);
        }
        long t = System.nanoTime();
        Process server = new ProcessBuilder(plus(command, "--logtofile", log.toString())).redirectErrorStream(true)
                .redirectOutput(logs.resolve("startup-console.log").toFile()).start();
        try {
            awaitServed(firstRequest, Duration.ofSeconds(900), server, log);
            long elapsed = System.nanoTime() - t;
            System.out.printf("  %s: %.1f s%n", name, elapsed / 1e9);
            return elapsed;
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static List<String> plus(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * Waits until the address is served: for the empty server any answer (its own 404 page), for
     * CareQueue an answer of the application, not a 404 of a missing deployment nor the 500s the
     * web container gives for a few seconds while the application's web module still starts. A
     * deployment that failed ends the wait at once: the server stays up and would answer 404 until
     * the limit.
     */
    void awaitServed(URI uri, Duration limit, Process server, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean anyAnswer = uri.getPath().equals("/");
        long logRead = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (server != null && !server.isAlive()) {
                throw new IllegalStateException("The server exited with " + server.exitValue());
            }
            if (log != null && System.nanoTime() - logRead > TimeUnit.SECONDS.toNanos(1)) {
                logRead = System.nanoTime();
                for (Path file : payaraLogs(log)) {
                    if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("Exception while loading the app")) {
                        throw new IllegalStateException("The application failed to deploy: " + file);
                    }
                }
            }
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (anyAnswer || reply.statusCode() != 404 && reply.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(uri + " not served within " + limit);
    }

    /** Payara Micro writes --logtofile FILE as FILE.0 (and FILE.0.lck while it runs). */
    static List<Path> payaraLogs(Path log) throws IOException {
        if (!Files.isDirectory(log.getParent())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(log.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(log.getFileName().toString())).toList();
        }
    }

    // --- live audiences: shared by round trip and throughput ------------------------------------

    final class Live {
        final List<Socket> agentSockets = new ArrayList<>();
        final List<Socket> customers = Collections.synchronizedList(new ArrayList<>());
        volatile Consumer<String> onAgentFrame = frame -> { };
        volatile Consumer<String> onCustomerFrame = frame -> { };

        void close() {
            customers.forEach(Socket::close);
            agentSockets.forEach(Socket::close);
        }
    }

    /** Audiences picked by agents (round robin), every agent and customer on a socket, in queues of 100. */
    Live live(int audiences, int agentCount) throws Exception {
        Org org = signUp();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agents.add(agent(org));
        }
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < (audiences + 99) / 100; i++) {
            queues.add(queue(org, 200, agents.toArray(Agent[]::new)));
        }
        Live live = new Live();
        for (Agent agent : agents) {
            Socket socket = Socket.open(http, webSocketUri());
            socket.send("{\"type\":\"auth\",\"token\":\"" + agent.token() + "\"}");
            socket.await(frame -> "ready".equals(type(frame)));
            socket.onFrame = frame -> live.onAgentFrame.accept(frame);
            live.agentSockets.add(socket);
        }
        List<Socket> ordered = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(audiences, null)));
        openInParallel(audiences, i -> {
            String queue = queues.get(i / 100);
            Customer customer = request(queue);
            Agent agent = agents.get(i % agentCount);
            expect(200, post("api/v1/queues/" + queue + "/pick", agent.token(), "{\"audienceId\":\"" + customer.audienceId() + "\"}"));
            Socket socket = Socket.open(http, webSocketUri());
            socket.send("{\"type\":\"auth\",\"token\":\"" + customer.token() + "\"}");
            socket.await(frame -> "ready".equals(type(frame)));
            socket.onFrame = frame -> live.onCustomerFrame.accept(frame);
            ordered.set(i, socket);
        });
        live.customers.addAll(ordered);
        return live;
    }

    static String sendFrame(String id) {
        return "{\"type\":\"send\",\"clientMessageId\":\"" + id + "\",\"text\":\"" + id + "\"}";
    }

    // --- the API, as a client uses it ---------------------------------------------------------

    record Org(String ownerId, String ownerToken) {
    }

    record Agent(String id, String token) {
    }

    record Customer(String audienceId, String token) {
    }

    Org signUp() {
        String owner = unique("bench-owner");
        String body = expect(201, post("api/v1/organizations", null, "{\"organizationName\":\"Bench " + owner
                + "\",\"username\":\"" + owner + "\",\"name\":\"Owner " + owner + "\",\"password\":\"" + PASSWORD + "\"}"));
        return new Org(field(body, "agentId"), signIn(owner, PASSWORD));
    }

    Agent agent(Org org) {
        String username = unique("bench-agent");
        String body = expect(201, post("api/v1/agents", org.ownerToken(), "{\"username\":\"" + username + "\",\"name\":\"Agent "
                + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"AGENT\"}"));
        return new Agent(field(body, "agentId"), signIn(username, PASSWORD));
    }

    String signIn(String username, String password) {
        return field(expect(201, post("api/v1/sessions", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")), "token");
    }

    String queue(Org org, int capacity, Agent... members) {
        String id = field(expect(201, post("api/v1/queues", org.ownerToken(),
                "{\"name\":\"" + unique("queue") + "\",\"capacity\":" + capacity + "}")), "id");
        for (Agent member : members) {
            expect(200, put("api/v1/queues/" + id + "/members/" + member.id(), org.ownerToken()));
        }
        expect(200, put("api/v1/queues/" + id + "/members/" + org.ownerId(), org.ownerToken()));
        expect(200, post("api/v1/queues/" + id + "/open", org.ownerToken(), null));
        return id;
    }

    Customer request(String queueId) {
        String body = expect(201, send(requestBuilder(queueId)));
        return new Customer(field(body, "audienceId"), field(body, "customerToken"));
    }

    /** A customer's request to join the queue, as the widget sends it. */
    HttpRequest.Builder requestBuilder(String queueId) {
        return builder("api/v1/queues/" + queueId + "/requests", null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench customer\",\"message\":\"Hello\"}"));
    }

    HttpResponse<String> get(String path, String token) {
        return send(builder(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send(builder(path, token).POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String token) {
        return send(builder(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String expect(int status, HttpResponse<String> reply) {
        if (reply.statusCode() != status) {
            throw new IllegalStateException(reply.request().method() + " " + reply.request().uri() + " answered "
                    + reply.statusCode() + ", expected " + status + ": " + reply.body());
        }
        return reply.body();
    }

    URI webSocketUri() {
        return URI.create("ws://" + base.getAuthority() + base.getPath() + "api/ws/chat");
    }

    // --- measuring ----------------------------------------------------------------------------

    /** Latencies in nanoseconds, thread-safe. */
    static final class Samples {
        private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

        void add(long nanos) {
            values.add(nanos);
        }

        int count() {
            return values.size();
        }

        double percentileMs(double p) {
            List<Long> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank))) / 1e6;
        }

        void report(String name) {
            Bench.current.result(name + ".count", count());
            Bench.current.result(name + ".p50Ms", percentileMs(50));
            Bench.current.result(name + ".p99Ms", percentileMs(99));
            Bench.current.result(name + ".maxMs", percentileMs(100));
        }
    }

    static Bench current;

    {
        current = this;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    void result(String name, Object value) {
        String text = value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.2f", d) : String.valueOf(value);
        if (warmingUp) {
            System.out.println("WARMUP " + scenario + "." + name + "=" + text);
            return;
        }
        if (round > 0) {
            roundResults.put(name, value);
            System.out.println("ROUND" + round + " " + scenario + "." + name + "=" + text);
            return;
        }
        results.put(scenario + "." + name, value);
        System.out.println("RESULT " + scenario + "." + name + "=" + text);
    }

    /** The server's used heap after a full GC, by jcmd; 0 without a pid. */
    static long heapUsedKb(Long pid) throws Exception {
        if (pid == null) {
            return 0;
        }
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("No heap usage from jcmd");
        }
        return Long.parseLong(used.group(1));
    }

    static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    static long rssKb(long pid) throws IOException {
        return statusField(pid, "VmRSS:");
    }

    /**
     * CPU time used so far by the server's JVM ({@code --pid}), by this load client and by each of
     * this machine's PostgreSQL processes, by process id.
     */
    record CpuTimes(long serverNanos, long clientNanos, Map<Long, Long> databaseNanos) {

        /** The database's CPU since {@code before}: a process born since counts whole, one gone since not at all. */
        long databaseNanosSince(CpuTimes before) {
            return databaseNanos.entrySet().stream()
                    .mapToLong(process -> process.getValue() - before.databaseNanos.getOrDefault(process.getKey(), 0L))
                    .sum();
        }
    }

    CpuTimes cpuTimes() {
        long server = options.containsKey("--pid")
                ? ProcessHandle.of(Long.parseLong(options.get("--pid"))).flatMap(p -> p.info().totalCpuDuration())
                        .map(Duration::toNanos).orElse(0L)
                : 0;
        Map<Long, Long> database = ProcessHandle.allProcesses()
                .filter(p -> "postgres".equals(processName(p.pid())))
                .collect(Collectors.toMap(ProcessHandle::pid,
                        p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        long client = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return new CpuTimes(server, client, database);
    }

    /** The process's name from /proc, which any user may read (its executable's path only its owner). */
    static String processName(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /**
     * The CPU milliseconds one operation cost the server (unless {@code ofServer} is false), the
     * database and this load client between the two readings. On a busy two-core machine the rate
     * moves with whatever else runs; what an operation costs moves much less, so builds compare
     * better by it.
     */
    void cpuPerOperation(String prefix, CpuTimes before, CpuTimes after, long operations, boolean ofServer) {
        if (operations == 0) {
            return;
        }
        if (ofServer && options.containsKey("--pid")) {
            result(prefix + "serverCpuMs", (after.serverNanos() - before.serverNanos()) / 1e6 / operations);
        }
        if (!after.databaseNanos().isEmpty()) {
            result(prefix + "databaseCpuMs", after.databaseNanosSince(before) / 1e6 / operations);
        }
        // The load client shares the machine: what it spends is missing to the server.
        result(prefix + "clientCpuMs", (after.clientNanos() - before.clientNanos()) / 1e6 / operations);
    }

    /** A number of the process's /proc status (VmRSS: in KB, Threads:). */
    static long statusField(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("No " + field + " for " + pid);
    }

    // --- doing things in bounded ways --------------------------------------------------------

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs count tasks, 32 at a time, and fails with the first failure. */
    static void openInParallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32, daemon());
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        pool.shutdown();
        for (var future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
    }

    /** Calls task(i) at a steady total rate for the duration, i cycling over 0..n-1; the number of calls. */
    static int steadily(double perSecond, int seconds, int n, Task task) throws Exception {
        long began = System.nanoTime();
        long end = began + seconds * 1_000_000_000L;
        int done = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return done;
            }
            long due = (long) ((now - began) / 1e9 * perSecond);
            // A task slower than the rate must not carry the catching up past the end.
            while (done < due && System.nanoTime() < end) {
                task.run(done % n);
                done++;
            }
            Thread.sleep(2);
        }
    }

    static void awaitCount(java.util.function.IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count.getAsInt() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }

    // --- small helpers -----------------------------------------------------------------------

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String type(String frame) {
        Matcher m = TYPE.matcher(frame);
        return m.find() ? m.group(1) : null;
    }

    /** A string field of a flat JSON answer (the first one of that name). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static void loopbackOnly(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            Matcher m = Pattern.compile("//([^:/?]+)").matcher(uri.toString());
            host = m.find() ? m.group(1) : null;
        }
        if (!"127.0.0.1".equals(host)) {
            throw new IllegalArgumentException("The benchmarks talk to 127.0.0.1 only, not " + host);
        }
    }

    /** One JDK WebSocket: whole text frames to a handler; sends are queued one after another. */
    static final class Socket implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final java.util.concurrent.BlockingQueue<String> early = new java.util.concurrent.LinkedBlockingQueue<>();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private WebSocket webSocket;
        volatile Consumer<String> onFrame;

        static Socket open(HttpClient http, URI uri) {
            Socket socket = new Socket();
            socket.webSocket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, socket).orTimeout(60, TimeUnit.SECONDS).join();
            return socket;
        }

        /** Sends in order; a send that fails leaves the socket unusable, which the counts then show. */
        synchronized void send(String text) {
            sending = sending.thenCompose(previous -> webSocket.sendText(text, true));
        }

        /** Waits for a frame the test accepts, among the frames not handled by onFrame yet. */
        void await(java.util.function.Predicate<String> accepted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String frame = early.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && accepted.test(frame)) {
                    return;
                }
            }
            throw new IllegalStateException("No awaited frame within " + WAIT);
        }

        boolean isClosed() {
            return closed.isDone();
        }

        void close() {
            webSocket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                Consumer<String> handler = onFrame;
                if (handler != null) {
                    handler.accept(frame);
                } else if (early.size() < 100) {
                    early.add(frame);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(null);
        }
    }
}
