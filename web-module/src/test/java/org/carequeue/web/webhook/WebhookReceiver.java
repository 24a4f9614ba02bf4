package org.carequeue.web.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's endpoint on 127.0.0.1 in the test JVM: records every request and answers the
 * status the test sets ({@code 200} by default, or a failure for the first n requests).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String id, String timestamp, String signature, String body, Instant at, int status) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String type() {
            return json().getString("type");
        }

        /** Checks the signature as a receiver must: HMAC-SHA256 over timestamp.body, a fresh timestamp. */
        void assertSignedWith(String secret) {
            assertTrue(signature.startsWith("v1="), signature);
            byte[] expected = hmac(secret, timestamp + "." + body);
            byte[] actual = HexFormat.of().parseHex(signature.substring(3));
            assertTrue(MessageDigest.isEqual(expected, actual), "signature " + signature + " of " + body);
            long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
            assertTrue(age >= -5 && age <= 300, "timestamp " + timestamp + " is " + age + " s old");
            assertEquals(id, json().getString("id"), "the id header names the event in the body");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failureStatus : 200;
            synchronized (received) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("CareQueue-Webhook-Id"),
                        exchange.getRequestHeaders().getFirst("CareQueue-Webhook-Timestamp"),
                        exchange.getRequestHeaders().getFirst("CareQueue-Webhook-Signature"), body, Instant.now(), status));
            }
            byte[] answer = (status == 200 ? "thanks" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests get {@code status}. */
    void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered with 200, in arrival order. */
    List<Received> accepted() {
        return received().stream().filter(r -> r.status() == 200).toList();
    }

    /** Waits, bounded, until the requests received satisfy the condition. */
    List<Received> await(Predicate<List<Received>> condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.test(received())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Within " + timeout + " the receiver did not get " + what + "; it got "
                        + received().stream().map(r -> r.type() + " " + r.id()).toList());
            }
            Thread.sleep(100);
        }
        return received();
    }

    static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
