package org.carequeue.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.TransferRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.MicroProcess;
import org.carequeue.web.support.Schedules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Two Payara Micro nodes in one data grid (bound to loopback, a cluster name of their own) on one
 * PostgreSQL database behave as one CareQueue: customers and agents on different nodes talk in
 * real time, desks on both nodes update, the database decides every pick and every schedule edge,
 * presence holds across nodes, and a node killed with SIGKILL loses no acknowledged message.
 * PostgreSQL pass only: the embedded H2 file belongs to a single node.
 */
@ExtendWith(DatabaseUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String SCHEMA = "carequeue_cluster";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Given to the nodes as CAREQUEUE_ICE_SERVERS; nothing listens there, the clients just get it. */
    private static final String ICE_SERVER = "stun:127.0.0.1:3478";

    static MicroProcess nodeA;
    static MicroProcess nodeB;
    static Api a;
    static Api b;

    @BeforeAll
    static void startTwoNodesOnAnEmptyDatabase() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("carequeue.it.database")),
                "The cluster runs on PostgreSQL; the H2 file database belongs to one node");
        try (Connection db = postgres(); Statement statement = db.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
        int gridPort = MicroProcess.freePort();
        Map<String, String> environment = Map.of("CAREQUEUE_DB_URL", clusterUrl(), "CAREQUEUE_DEMO", "true",
                "CAREQUEUE_ICE_SERVERS", "[{\"urls\":\"" + ICE_SERVER + "\"}]");
        List<String> clusterOptions = List.of("--clustermode", "tcpip:127.0.0.1:" + gridPort,
                "--startport", String.valueOf(gridPort), "--interfaces", "127.0.0.1",
                "--clustername", "carequeue-it-" + UUID.randomUUID().toString().substring(0, 8), "--nohostaware");
        // Both start at once, as after a deployment: they race for the schema and the demo data.
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            Future<MicroProcess> first = starter.submit(() -> MicroProcess.start("cluster-a", environment, clusterOptions));
            Future<MicroProcess> second = starter.submit(() -> MicroProcess.start("cluster-b", environment, clusterOptions));
            try {
                nodeA = first.get();
            } catch (ExecutionException failed) {
                // B is kept for @AfterAll even when A failed, so no node outlives the test.
                try {
                    nodeB = second.get();
                } catch (ExecutionException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
            nodeB = second.get();
        } finally {
            starter.shutdown();
        }
        for (MicroProcess node : List.of(nodeA, nodeB)) {
            node.awaitLog("DG Size: 2", WAIT);
        }
        a = new Api(nodeA.base());
        b = new Api(nodeB.base());
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (MicroProcess node : new MicroProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void nodesStartingTogetherOnAnEmptyDatabaseCreateTheDemoOrganizationOnce() throws SQLException {
        try (Connection db = postgres(); Statement statement = db.createStatement()) {
            assertEquals(1, count(statement, "select count(*) from " + SCHEMA + ".organization"));
            assertEquals(1, count(statement, "select count(*) from " + SCHEMA + ".agent where username = 'olivia'"));
            assertEquals(2, count(statement, "select count(*) from " + SCHEMA + ".queue"));
        }
    }

    @Test
    @Order(2)
    void aCustomerOnOneNodeAndTheirAgentOnTheOtherTalkInRealTime() {
        Api.Organization organization = a.signUp();
        Api.Agent agent = a.agent(organization);
        QueueResponse queue = a.openQueue(organization, 10, agent);
        CustomerRequestResponse request = a.request(queue.id(), "Nora Node", "Hello from node A");
        try (ChatSocket customer = ChatSocket.authenticated(a, request.customerToken());
             ChatSocket desk = ChatSocket.authenticated(b, agent.token())) {
            b.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"),
                    "the pick on node B reaches the customer's socket on node A");
            assertEquals("ACCEPTED", desk.until("state").getString("state"));

            customer.sendMessage("c-1", "Are you there?");
            JsonObject atAgent = desk.until("message");
            assertEquals("Are you there?", atAgent.getString("text"));

            desk.sendMessage(request.audienceId(), "a-1", "Yes, on node B.");
            JsonObject atCustomer = customer.until("message");
            while (!"a-1".equals(atCustomer.getString("clientMessageId", null))) {
                atCustomer = customer.until("message");
            }
            assertEquals("Yes, on node B.", atCustomer.getString("text"));

            // Typing and call signalling are stored nowhere; the relay carries them across nodes all the same.
            assertEquals(ICE_SERVER, customer.ready().getJsonArray("iceServers").getJsonObject(0)
                    .getJsonArray("urls").getString(0), "CAREQUEUE_ICE_SERVERS reaches the clients");
            customer.send(Json.createObjectBuilder().add("type", "typing").add("on", true).build());
            JsonObject typing = desk.until("typing");
            assertEquals("Nora Node", typing.getJsonObject("from").getString("name"));
            desk.send(Json.createObjectBuilder().add("type", "typing").add("audienceId", request.audienceId())
                    .add("on", true).build());
            assertEquals(agent.name(), customer.until("typing").getJsonObject("from").getString("name"));
            a.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                    QueueSettingsRequest.basic(queue.name(), 10, false).withVideo("AGENT", null)).expect(200);
            desk.send(Json.createObjectBuilder().add("type", "rtc").add("signal", "call")
                    .add("audienceId", request.audienceId()).build());
            assertEquals("call", customer.until("rtc").getString("signal"));

            a.post("api/v1/audiences/" + request.audienceId() + "/end", request.customerToken(), null).expect(200);
            assertEquals("FINISHED", desk.until("state").getString("state"));
        }
    }

    /** The desks of two agents, one on each node, both show a customer who asked on node A. */
    @Test
    @Order(3)
    void deskSidebarsOnBothNodesUpdateLive() {
        Api.Organization organization = a.signUp();
        Api.Agent ann = a.agent(organization);
        Api.Agent ben = a.agent(organization);
        QueueResponse queue = a.openQueue(organization, 10, ann, ben);
        try (Browser annDesk = Browser.open(a); Browser benDesk = Browser.open(b)) {
            annDesk.go("desk/").signIn(ann.username(), Api.PASSWORD);
            benDesk.go("desk/").signIn(ben.username(), Api.PASSWORD);
            annDesk.markPage();
            benDesk.markPage();
            a.request(queue.id(), "Sidebar Sam", "Hi");
            By count = By.cssSelector(".cq-queue-row[data-queue-id='" + queue.id() + "'] .cq-count");
            for (Browser desk : List.of(annDesk, benDesk)) {
                desk.waitUntil(d -> "1".equals(d.findElement(count).getText()));
                assertTrue(desk.stillSamePage(), "the count changed without a reload");
            }
            benDesk.screenshot("cluster-desk-node-b");
        }
    }

    @Test
    @Order(4)
    void everyCustomerIsPickedExactlyOnceByAgentsOnBothNodes() throws Exception {
        Api.Organization organization = a.signUp();
        List<Api.Agent> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(a.agent(organization));
        }
        QueueResponse queue = a.openQueue(organization, 200, agents.toArray(Api.Agent[]::new));
        Set<String> requested = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            requested.add(a.request(queue.id(), "Customer " + i, null).audienceId());
        }
        Map<String, String> pickedBy = new ConcurrentHashMap<>();
        Map<Api, Integer> picksPerNode = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pickers = Executors.newFixedThreadPool(agents.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                Api node = i % 2 == 0 ? a : b;
                Api.Agent agent = agents.get(i);
                running.add(pickers.submit(() -> {
                    for (int attempt = 0; attempt < 200; attempt++) {
                        Api.Reply reply = node.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null);
                        if (reply.status() == 404) {
                            return null;    // queue_is_empty: everyone has been picked
                        }
                        if (reply.status() == 200) {
                            String audienceId = reply.as(AudienceResponse.class).audienceId();
                            if (pickedBy.putIfAbsent(audienceId, agent.id()) != null) {
                                duplicates.add(audienceId);
                            }
                            picksPerNode.merge(node, 1, Integer::sum);
                        } else if (reply.status() != 409) {
                            throw new AssertionError("pick answered " + reply.status() + ": " + reply.body());
                        }
                    }
                    throw new AssertionError("the queue never emptied");
                }));
            }
            for (Future<?> picker : running) {
                picker.get();
            }
        } finally {
            pickers.shutdownNow();
        }
        assertEquals(List.of(), duplicates, "no customer is picked twice");
        assertEquals(requested, pickedBy.keySet(), "every customer is picked");
        try (Connection db = postgres(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select id, agent_id from " + SCHEMA
                     + ".audience where state = 'ACCEPTED' and queue_id = '" + queue.id() + "'")) {
            Map<String, String> holders = new HashMap<>();
            while (rows.next()) {
                holders.put(rows.getString(1), rows.getString(2));
            }
            assertEquals(pickedBy, holders, "each customer is held by the agent whose pick succeeded");
        }
        assertTrue(picksPerNode.getOrDefault(a, 0) > 0 && picksPerNode.getOrDefault(b, 0) > 0,
                "both nodes picked: " + picksPerNode.values());
    }

    /** Both nodes' timers tick at the same seconds; each schedule edge still happens once. */
    @Test
    @Order(5)
    void eachScheduleEdgeIsAppliedOnceInTheCluster() throws Exception {
        Api.Organization organization = a.signUp();
        Api.Agent agent = a.agent(organization);
        QueueResponse queue = a.openQueue(organization, 10, agent);
        a.post("api/v1/queues/" + queue.id() + "/close", agent.token(), null).expect(200);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        a.putJson("api/v1/queues/" + queue.id() + "/schedule", organization.ownerToken(),
                Schedules.openingAt(now.plusSeconds(12), now.plusSeconds(22))).expect(200);
        awaitState(b, organization, queue, "OPEN");
        awaitState(b, organization, queue, "CLOSED");
        Thread.sleep(6_000);    // a tick more on both nodes: nothing is applied twice
        assertEquals(List.of("OPENED_BY_SCHEDULE", "CLOSED_BY_SCHEDULE"), scheduleLog(b, agent, queue));
    }

    /**
     * A transfer made on node B reaches the customer's socket on node A (the relayed
     * AudienceTransferred): they queue again in the target queue, get their place there, and are
     * picked by the next agent.
     */
    @Test
    @Order(5)
    void aTransferOnOneNodeReachesTheCustomerOnTheOther() {
        Api.Organization organization = a.signUp();
        Api.Agent ann = a.agent(organization);
        Api.Agent ben = a.agent(organization);
        QueueResponse support = a.openQueue(organization, 10, ann);
        QueueResponse billing = a.openQueue(organization, 10, ben);
        a.put("api/v1/queues/" + support.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(support.name(), 10, false).withTransferQueueIds(List.of(billing.id()))).expect(200);
        CustomerRequestResponse tess = a.request(support.id(), "Tess Transfer", "Hi");
        try (ChatSocket customer = ChatSocket.authenticated(a, tess.customerToken())) {
            b.post("api/v1/queues/" + support.id() + "/pick", ann.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
            b.post("api/v1/audiences/" + tess.audienceId() + "/transfer", ann.token(),
                    new TransferRequest(billing.id())).expect(200);
            assertEquals("REQUESTED", customer.until("state").getString("state"),
                    "the transfer on node B reaches the customer's socket on node A");
            assertEquals(1, customer.until("queue").getInt("position"), "their place in the new line");
            b.post("api/v1/queues/" + billing.id() + "/pick", ben.token(), null).expect(200);
            JsonObject accepted = customer.until("state");
            assertEquals("ACCEPTED", accepted.getString("state"));
            assertEquals(ben.name(), accepted.getString("agentName"));
        }
    }

    /**
     * A conversation on a node killed with SIGKILL loses no acknowledged message, and both sides
     * carry on from the other node. Presence holds across nodes: a customer connected to both
     * nodes stays in line when one socket closes, and a customer whose only socket died with the
     * node is dropped by the other node after the grace period ({@code
     * CAREQUEUE_CUSTOMER_GRACE_SECONDS}, 10 s in the tests). A schedule saved through the dead node
     * still opens its queue: no node owns a timer.
     */
    @Test
    @Order(6)
    void aKilledNodeLosesNoAcknowledgedMessageAndItsClientsResumeOnTheOther() throws Exception {
        Api.Organization organization = a.signUp();
        Api.Agent agent = a.agent(organization);
        QueueResponse queue = a.openQueue(organization, 10, agent);
        CustomerRequestResponse talking = a.request(queue.id(), "Kim Killed", null);
        a.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        CustomerRequestResponse onBoth = a.request(queue.id(), "Bea Both", null);
        CustomerRequestResponse onlyOnA = a.request(queue.id(), "Otto OnlyA", null);
        QueueResponse scheduled = a.openQueue(organization, 10, agent);
        a.post("api/v1/queues/" + scheduled.id() + "/close", agent.token(), null).expect(200);

        try (ChatSocket bothOnB = ChatSocket.authenticated(b, onBoth.customerToken())) {
            Set<String> acknowledged = new HashSet<>();
            int sent;
            try (ChatSocket bothOnA = ChatSocket.authenticated(a, onBoth.customerToken());
                 ChatSocket lonely = ChatSocket.authenticated(a, onlyOnA.customerToken());
                 ChatSocket customer = ChatSocket.authenticated(a, talking.customerToken());
                 ChatSocket desk = ChatSocket.authenticated(a, agent.token())) {
                assertEquals(List.of(talking.audienceId()), audienceIds(desk.ready()));
                bothOnA.close();
                ZonedDateTime opens = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(25);
                a.putJson("api/v1/queues/" + scheduled.id() + "/schedule", organization.ownerToken(),
                        Schedules.openingAt(opens, null)).expect(200);
                sent = sendUntilNodeADies(customer, acknowledged);
                assertTrue(Instant.now().isBefore(opens.toInstant()), "node A died before the schedule's edge");
            }

            // The customer and the agent reconnect to node B.
            try (ChatSocket customer = ChatSocket.authenticated(b, talking.customerToken());
                 ChatSocket desk = ChatSocket.authenticated(b, agent.token())) {
                assertEquals("ACCEPTED", customer.ready().getString("state"));
                assertEquals(List.of(talking.audienceId()), audienceIds(desk.ready()),
                        "the agent sees their audience again");
                List<MessageResponse> stored = b.get("api/v1/audiences/" + talking.audienceId()
                        + "/messages?since=0", agent.token()).expect(200).asList(MessageResponse.class);
                Map<String, Long> copies = stored.stream().collect(Collectors.groupingBy(
                        MessageResponse::clientMessageId, HashMap::new, Collectors.counting()));
                for (String id : acknowledged) {
                    assertEquals(1L, copies.getOrDefault(id, 0L), "acknowledged message " + id + " is stored once");
                }
                System.out.printf("[ClusterIT] node A killed after %d sends: %d acknowledged, %d stored%n",
                        sent, acknowledged.size(), stored.size());

                customer.resume(0);
                Set<String> replayed = new HashSet<>();
                while (replayed.size() < stored.size()) {
                    replayed.add(customer.until("message").getString("clientMessageId"));
                }
                assertEquals(copies.keySet(), replayed, "the customer resumes on node B with everything");

                // The conversation goes on live on node B.
                customer.sendMessage("after-failover", "Still there?");
                JsonObject atAgent = desk.until("message");
                while (!"after-failover".equals(atAgent.getString("clientMessageId"))) {
                    atAgent = desk.until("message");
                }
                assertEquals("Still there?", atAgent.getString("text"));
            }

            // Bea still has a socket on node B; Otto's only socket died with node A.
            Instant deadline = Instant.now().plus(WAIT);
            List<String> waiting;
            do {
                Thread.sleep(500);
                waiting = b.get("api/v1/queues/" + queue.id() + "/requests", agent.token()).expect(200)
                        .asList(WaitingCustomerResponse.class).stream().map(WaitingCustomerResponse::audienceId)
                        .toList();
            } while (waiting.contains(onlyOnA.audienceId()) && Instant.now().isBefore(deadline));
            assertEquals(List.of(onBoth.audienceId()), waiting,
                    "the customer of the dead node is dropped; the one still connected to node B stays");
        }
        awaitState(b, organization, scheduled, "OPEN");
        assertEquals(List.of("OPENED_BY_SCHEDULE"), scheduleLog(b, agent, scheduled));
    }

    /**
     * The customer streams messages over node A; once 20 are acknowledged, node A is killed with
     * others in flight. Collects the acknowledged client message ids; returns how many were sent.
     */
    private static int sendUntilNodeADies(ChatSocket customer, Set<String> acknowledged) throws Exception {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        int sent;
        try {
            Future<Integer> sending = sender.submit(() -> {
                int n = 0;
                for (; n < 400; n++) {
                    try {
                        customer.sendMessage("k-" + n, "Message " + n);
                    } catch (CompletionException | IllegalStateException nodeGone) {
                        break;
                    }
                    Thread.sleep(5);
                }
                return n;
            });
            while (acknowledged.size() < 20) {
                collectAcknowledgement(customer.next(), acknowledged);
            }
            nodeA.kill();
            sent = sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            sender.shutdownNow();
        }
        for (JsonObject frame : customer.drain(Duration.ofMillis(500))) {
            collectAcknowledgement(frame, acknowledged);
        }
        return sent;
    }

    private static void collectAcknowledgement(JsonObject frame, Set<String> acknowledged) {
        if ("sent".equals(frame.getString("type"))) {
            acknowledged.add(frame.getString("clientMessageId"));
        }
    }

    private static List<String> audienceIds(JsonObject ready) {
        return ready.getJsonArray("audienceIds").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static void awaitState(Api node, Api.Organization organization, QueueResponse queue, String state)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!state.equals(node.get("api/v1/organizations/" + organization.id() + "/queues", null).expect(200)
                .asList(PublicQueueResponse.class).stream().filter(q -> q.id().equals(queue.id()))
                .findFirst().orElseThrow().state())) {
            assertTrue(Instant.now().isBefore(deadline), "queue " + queue.name() + " did not become " + state);
            Thread.sleep(500);
        }
    }

    private static List<String> scheduleLog(Api node, Api.Agent member, QueueResponse queue) {
        return node.get("api/v1/queues/" + queue.id() + "/log", member.token()).expect(200)
                .asList(QueueLogEntryResponse.class).stream()
                .sorted(Comparator.comparingLong(QueueLogEntryResponse::id))
                .map(QueueLogEntryResponse::kind)
                .filter(kind -> kind.endsWith("_BY_SCHEDULE")).toList();
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection(System.getProperty("carequeue.it.postgresql.url")
                .replaceAll("\\?.*", ""), "postgres", "");
    }

    private static String clusterUrl() {
        return System.getProperty("carequeue.it.postgresql.url").replaceAll("currentSchema=[^&]*",
                "currentSchema=" + SCHEMA);
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
