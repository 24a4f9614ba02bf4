package org.carequeue.web.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.api.session.MeResponse;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.MicroProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System test: the built WAR started as the run command starts it (java -jar payara-micro.jar,
 * demo mode on), walked through the whole customer-care flow over HTTP and WebSocket, the way a
 * widget and an agent's client would.
 */
@ExtendWith(DatabaseUnderTest.class)
class CustomerCareFlowIT {

    static MicroProcess micro;
    /** Payara Micro's own TLS listener (its built-in self-signed certificate), beside the run command's HTTP. */
    static int tlsPort;

    @BeforeAll
    static void startLikeTheRunCommand() throws Exception {
        tlsPort = MicroProcess.freePort();
        micro = MicroProcess.start("system-test", Map.of(), List.of("--nocluster", "--sslport", String.valueOf(tlsPort)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (micro != null) {
            micro.close();
        }
    }

    @Test
    void queuePickConversationAndEnd() {
        Api api = new Api(micro.base());

        // The demo organization: alice signs in and sees both queues, Support open and Billing closed.
        String alice = api.post("api/v1/sessions", null, new SignInRequest("alice", "demo"))
                .expect(201).as(SessionResponse.class).token();
        MeResponse me = api.get("api/v1/me", alice).expect(200).as(MeResponse.class);
        assertEquals("Demo Care", me.organizationName());
        Map<String, String> states = api.get("api/v1/organizations/" + me.organizationId() + "/queues", null)
                .expect(200).asList(PublicQueueResponse.class).stream()
                .collect(java.util.stream.Collectors.toMap(PublicQueueResponse::name, PublicQueueResponse::state));
        assertEquals(Map.of("Support", "OPEN", "Billing", "CLOSED"), states);
        QueueResponse support = me.queues().stream().filter(q -> q.name().equals("Support")).findFirst().orElseThrow();
        QueueResponse billing = me.queues().stream().filter(q -> q.name().equals("Billing")).findFirst().orElseThrow();
        assertEquals("queue_is_closed", api.post("api/v1/queues/" + billing.id() + "/requests", null,
                new CustomerRequest("Early Bird", null, null, null, null)).problem().code());

        // A customer asks for help with questionnaire answers and waits on the socket.
        CustomerRequestResponse request = api.post("api/v1/queues/" + support.id() + "/requests", null,
                new CustomerRequest("Dana", "My invoice is wrong", Map.of("page", "/billing"), null,
                        Map.of("Order number", "A-1001"))).expect(201).as(CustomerRequestResponse.class);
        try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, alice)) {
            List<WaitingCustomerResponse> waiting = api.get("api/v1/queues/" + support.id() + "/requests", alice)
                    .expect(200).asList(WaitingCustomerResponse.class);
            WaitingCustomerResponse dana = waiting.stream().filter(w -> w.audienceId().equals(request.audienceId()))
                    .findFirst().orElseThrow();
            assertEquals("My invoice is wrong", dana.firstMessage());
            assertEquals(Map.of("Order number", "A-1001"), dana.preAnswers());

            // Alice picks Dana; both sockets learn it.
            api.post("api/v1/queues/" + support.id() + "/pick", alice,
                    new org.carequeue.api.audience.PickRequest(request.audienceId())).expect(200);
            assertEquals("ACCEPTED", customer.next("state").getString("state"));
            assertEquals("ACCEPTED", desk.next("state").getString("state"));

            // They talk: Alice over REST, Dana over the socket.
            api.post("api/v1/audiences/" + request.audienceId() + "/messages", alice,
                    new PostMessageRequest("alice-1", "Hi Dana, let me check.")).expect(201);
            assertEquals("Hi Dana, let me check.", customer.next("message").getString("text"));
            desk.next("message");
            customer.sendMessage("dana-1", "Thank you!");
            customer.next();
            customer.next();
            assertEquals("Thank you!", desk.next("message").getString("text"));

            // Alice ends; Dana's socket says FINISHED and nothing more can be posted.
            AudienceResponse ended = api.post("api/v1/audiences/" + request.audienceId() + "/end", alice, null)
                    .expect(200).as(AudienceResponse.class);
            assertEquals("FINISHED", ended.state());
            assertEquals("FINISHED", customer.next("state").getString("state"));
            assertEquals("audience_ended", api.post("api/v1/audiences/" + request.audienceId() + "/messages",
                    request.customerToken(), new PostMessageRequest("dana-2", "One more thing")).problem().code());
        }

        List<MessageResponse> transcript = api.get("api/v1/audiences/" + request.audienceId() + "/messages",
                request.customerToken()).expect(200).asList(MessageResponse.class);
        assertEquals(List.of("My invoice is wrong", "Hi Dana, let me check.", "Thank you!"),
                transcript.stream().map(MessageResponse::text).toList());
        List<String> log = api.get("api/v1/queues/" + support.id() + "/log?limit=1000", alice).expect(200)
                .asList(QueueLogEntryResponse.class).stream()
                .filter(e -> request.audienceId().equals(e.audienceId()))
                .map(e -> e.kind() + (e.agentName() == null ? "" : " by " + e.agentName())).toList();
        assertEquals(List.of("REQUESTED", "PICKED by Alice Agent", "ENDED by Alice Agent"), log);

        // Closing the queue is logged with who closed it and shows to customers at once.
        api.post("api/v1/queues/" + support.id() + "/close", alice, null).expect(200);
        QueueLogEntryResponse closed = api.get("api/v1/queues/" + support.id() + "/log?limit=1000", alice)
                .expect(200).asList(QueueLogEntryResponse.class).stream().reduce((a, b) -> b).orElseThrow();
        assertEquals("CLOSED", closed.kind());
        assertEquals("Alice Agent", closed.agentName());
        assertNull(closed.audienceId());
        api.post("api/v1/queues/" + support.id() + "/open", alice, null).expect(200);

        // Signing out ends the token, and the sockets opened with it.
        try (ChatSocket desk = ChatSocket.authenticated(api, alice)) {
            api.send("DELETE", "api/v1/sessions/current", alice).expect(204);
            assertEquals(1008, desk.awaitClose());
        }
        assertEquals(401, api.get("api/v1/me", alice).status());
    }

    /**
     * Served over TLS, the session cookie is Secure (the container marks it by the connection), so
     * the browser never sends it over plain HTTP; HttpOnly and SameSite come as over HTTP.
     * (Behind a TLS-terminating proxy the proxy marks it: docs/operations.md.)
     */
    @Test
    void overTlsTheSessionCookieIsSecure() throws Exception {
        SSLContext trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, new TrustManager[] {new SelfSignedOnLoopback()}, null);
        HttpsURLConnection signInPage = (HttpsURLConnection) URI.create("https://127.0.0.1:" + tlsPort + "/signin.xhtml")
                .toURL().openConnection();
        signInPage.setSSLSocketFactory(trustingTheTestCertificate.getSocketFactory());
        // The built-in certificate names the machine, not 127.0.0.1.
        signInPage.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
        try {
            assertEquals(200, signInPage.getResponseCode());
            String cookie = signInPage.getHeaderFields().getOrDefault("Set-Cookie", List.of()).stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
            assertTrue(cookie.matches("(?i).*;\\s*Secure\\b.*"), cookie);
            assertTrue(cookie.matches("(?i).*;\\s*HttpOnly\\b.*"), cookie);
            assertTrue(cookie.matches("(?i).*;\\s*SameSite=Lax\\b.*"), cookie);
        } finally {
            signInPage.disconnect();
        }
    }

    /** Trusts whatever certificate the test's own server on loopback shows; nothing else is ever called. */
    private static final class SelfSignedOnLoopback implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
