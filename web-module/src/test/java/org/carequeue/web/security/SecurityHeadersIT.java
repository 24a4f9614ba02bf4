package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.FacesForms;
import org.junit.jupiter.api.Test;

/**
 * The headers of every kind of answer: Faces pages (sign-in, desk, admin) with PrimeFaces' nonce
 * policy and frame-ancestors, the API, and HSTS only over TLS. The suite trusts 127.0.0.2 as a proxy
 * (CAREQUEUE_TRUSTED_PROXIES in the POM); the TLS checks connect from that address by hand, since
 * the JDK's client cannot choose its source address. And no answer upgrades to HTTP/2.
 */
class SecurityHeadersIT extends AgainstBuiltWar {

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    @Test
    void facesPagesCarryANoncePolicyThatKeepsFramingToOurOwnPages() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> signIn = browser.send(page("signin.xhtml").build(), HttpResponse.BodyHandlers.ofString());
        assertFacesPage(signIn);

        signIn(browser, signIn.body(), organization.ownerUsername());
        HttpResponse<String> desk = browser.send(page("desk/index.xhtml").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, desk.statusCode());
        assertTrue(desk.uri().getPath().endsWith("/desk/index.xhtml"), "signed in: " + desk.uri());
        assertFacesPage(desk);
        HttpResponse<String> admin = browser.send(page("admin/members.xhtml").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, admin.statusCode());
        assertTrue(admin.uri().getPath().endsWith("/admin/members.xhtml"), admin.uri().toString());
        assertFacesPage(admin);
        String firstNonce = nonce(desk);
        assertFalse(firstNonce.equals(nonce(admin)), "a nonce per page");
    }

    @Test
    void apiAnswersRunNothingAndCannotBeFramed() throws Exception {
        Api.Organization organization = api().signUp();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> me = client.send(page("api/v1/me")
                .header("Authorization", "Bearer " + organization.ownerToken()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = client.send(page("api/v1/me").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertEquals(401, refused.statusCode());
        for (HttpResponse<String> answer : List.of(me, refused)) {
            assertEquals("nosniff", header(answer, "X-Content-Type-Options"));
            assertEquals("strict-origin-when-cross-origin", header(answer, "Referrer-Policy"));
            assertEquals("default-src 'none'; frame-ancestors 'none'", header(answer, "Content-Security-Policy"));
            assertNull(header(answer, "Strict-Transport-Security"), "plain HTTP: no HSTS");
        }
    }

    /**
     * The JDK's client asks every plain HTTP connection to upgrade to HTTP/2 (h2c). Grizzly's HTTP/2
     * keeps each finished stream of a connection, so one busy client filled the server's heap
     * (docs/reliability.md); src-config/pre-boot.asadmin switches HTTP/2 off.
     */
    @Test
    void plainHttpIsNeverUpgradedToHttp2() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = client.send(page("api/v1/me").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, answer.version(), "request " + i);
        }
    }

    /** Grizzly would take such a body for HTTP/2's bytes and wait 30 s for the rest: refused at once. */
    @Test
    void aBodySentWithAnH2cUpgradeIsRefusedAtOnceAndChangesNothing() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        HttpRequest askForHelp = HttpRequest.newBuilder(api.base().resolve("api/v1/queues/" + queue.id() + "/requests"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.toJson(new CustomerRequest("Carl", "Hi", null, null, null))))
                .build();

        HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(askForHelp, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("h2c_not_supported", Api.JSON.fromJson(refused.body(), Problem.class).code());
        assertEquals(0, api.get("api/v1/queues/" + queue.id(), organization.ownerToken()).expect(200)
                .as(QueueResponse.class).length(), "nobody waits");
        assertEquals(201, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(askForHelp, HttpResponse.BodyHandlers.ofString()).statusCode(), "the same over HTTP/1.1 is served");
    }

    @Test
    void hstsOnlyWhenATrustedProxySaysTheBrowserCameOverTls() throws IOException {
        Map<String, String> viaTrustedTls = rawGet("127.0.0.2", "https");
        assertEquals("max-age=31536000", viaTrustedTls.get("strict-transport-security"));
        assertEquals("nosniff", viaTrustedTls.get("x-content-type-options"));

        assertNull(rawGet("127.0.0.2", "http").get("strict-transport-security"), "the proxy says plain HTTP");
        assertNull(rawGet("127.0.0.2", null).get("strict-transport-security"), "the proxy says nothing");
        assertNull(rawGet("127.0.0.1", "https").get("strict-transport-security"),
                "anyone else's X-Forwarded-Proto is ignored");
    }

    private void assertFacesPage(HttpResponse<String> page) {
        assertEquals("nosniff", header(page, "X-Content-Type-Options"), page.uri().toString());
        assertEquals("strict-origin-when-cross-origin", header(page, "Referrer-Policy"));
        String policy = header(page, "Content-Security-Policy");
        assertTrue(policy != null && policy.contains("frame-ancestors 'self'") && policy.contains("object-src 'none'")
                && policy.matches(".*script-src 'self' 'nonce-[^']+';?$"), page.uri() + ": " + policy);
        String nonce = nonce(page);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.body());
        int inline = 0;
        while (scripts.find()) {
            inline++;
            assertTrue(scripts.group().contains("nonce=\"" + nonce + "\""), page.uri() + ": " + scripts.group());
        }
        assertTrue(inline > 0, "PrimeFaces' own start-up script carries the nonce");
        assertFalse(Pattern.compile("<[^>]+\\son(click|change|input|load|focus|keydown)=").matcher(page.body()).find(),
                page.uri() + " has an inline event handler, which the policy would block");
    }

    private static String nonce(HttpResponse<String> page) {
        Matcher nonce = NONCE.matcher(header(page, "Content-Security-Policy"));
        assertTrue(nonce.find());
        return nonce.group(1);
    }

    /**
     * The session cookie: never readable by scripts, not sent with cross-site posts, and replaced
     * at sign-in, so an id planted before sign-in (or read off the sign-in page) opens nothing.
     * Over plain HTTP it cannot be Secure; over TLS the container marks it so (CustomerCareFlowIT).
     */
    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndReplacedAtSignIn() throws Exception {
        Api.Organization organization = api().signUp();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> form = browser.send(page("signin.xhtml").build(), HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(form);
        HttpResponse<String> signedIn = browser.send(FacesForms.signIn(base(), form.body(), organization.ownerUsername()),
                HttpResponse.BodyHandlers.ofString());
        String after = sessionCookie(signedIn);

        for (String cookie : List.of(before, after)) {
            assertTrue(cookie.matches("(?i).*;\\s*HttpOnly\\b.*"), cookie);
            assertTrue(cookie.matches("(?i).*;\\s*SameSite=Lax\\b.*"), cookie);
            assertFalse(cookie.matches("(?i).*;\\s*Secure\\b.*"), "plain HTTP: " + cookie);
        }
        String beforeId = before.substring(0, before.indexOf(';'));
        String afterId = after.substring(0, after.indexOf(';'));
        assertFalse(beforeId.equals(afterId), "sign-in gives the session a new id");
        HttpClient stranger = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> withOldId = stranger.send(page("desk/index.xhtml").header("Cookie", beforeId).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withOldId.statusCode());
        assertTrue(header(withOldId, "Location").contains("/signin.xhtml"), "the id from before sign-in opens nothing");
        assertEquals(200, stranger.send(page("desk/index.xhtml").header("Cookie", afterId).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the new id is the signed-in session");
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie set by " + answer.uri()));
    }

    /** Signs in through the sign-in form as a browser does (a non-Ajax post with the view state). */
    private void signIn(HttpClient browser, String form, String username) throws Exception {
        HttpResponse<String> signedIn = browser.send(FacesForms.signIn(base(), form, username),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode());
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private URI base() {
        return api().base();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** GET /signin.xhtml over a socket from the given loopback address; the response's headers, names in lower case. */
    private Map<String, String> rawGet(String from, String forwardedProto) throws IOException {
        URI base = base();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + base.getPath() + "signin.xhtml HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\n" + (forwardedProto == null ? "" : "X-Forwarded-Proto: " + forwardedProto + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            assertTrue(lines[0].contains(" 200 "), lines[0]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return headers;
        }
    }
}
