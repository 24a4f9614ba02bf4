package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.FacesForms;
import org.carequeue.web.support.MicroProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The desk session's idle and absolute time-outs, and the API token's lifetime, on a node of its
 * own whose limits are seconds instead of 30 minutes and 12 hours. It waits for them, so it runs
 * only when asked for (docs/reliability.md has the command).
 */
@ExtendWith(DatabaseUnderTest.class)
@EnabledIfSystemProperty(named = "carequeue.it.session-timeouts", matches = "true")
class SessionTimeoutsIT {

    static final Duration IDLE = Duration.ofSeconds(6);
    static final Duration LIFETIME = Duration.ofSeconds(36);

    @Test
    void anIdleSessionEndsAndABusyOneEndsAfterItsLifetimeAsDoesTheToken() throws Exception {
        try (MicroProcess node = MicroProcess.start("session-timeouts", Map.of(
                "CAREQUEUE_DESK_IDLE_MINUTES", String.valueOf(IDLE.toSeconds() / 60.0),
                "CAREQUEUE_AGENT_SESSION_HOURS", String.valueOf(LIFETIME.toSeconds() / 3600.0)),
                List.of("--nocluster"))) {
            URI base = node.base().toURI();
            Api api = new Api(node.base());
            Api.Organization organization = api.signUp();
            Api.Agent agent = api.agent(organization);
            Instant tokenIssued = Instant.now();

            // Idle: a desk left alone longer than the idle time-out is signed out.
            HttpClient idle = signedIn(base, agent.username());
            Thread.sleep(IDLE.plusSeconds(3).toMillis());
            assertSignedOut(idle, base, "after " + IDLE + " without a request");

            // Busy: a request every 2 s keeps the session from idling, and it still ends after its lifetime.
            Instant signedInAt = Instant.now();
            HttpClient busy = signedIn(base, agent.username());
            while (Duration.between(signedInAt, Instant.now()).compareTo(LIFETIME.minusSeconds(6)) < 0) {
                assertEquals(200, desk(busy, base).statusCode(), "busy within its lifetime");
                Thread.sleep(2_000);
            }
            while (Duration.between(signedInAt, Instant.now()).compareTo(LIFETIME.plusSeconds(3)) < 0) {
                Thread.sleep(1_000);
                desk(busy, base);
            }
            assertSignedOut(busy, base, "after its lifetime of " + LIFETIME + " however busy");

            // The API token issued at the start has the same lifetime.
            assertTrue(Duration.between(tokenIssued, Instant.now()).compareTo(LIFETIME) > 0);
            assertEquals(401, api.get("api/v1/me", agent.token()).status(), "the token has expired");
            assertEquals(200, api.get("api/v1/me", api.signIn(agent.username())).status(), "a new one works");
        }
    }

    private static HttpClient signedIn(URI base, String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String form = browser.send(HttpRequest.newBuilder(base.resolve("signin.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(FacesForms.signIn(base, form, username), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, desk(browser, base).statusCode(), username + " is signed in");
        return browser;
    }

    private static HttpResponse<String> desk(HttpClient browser, URI base) throws Exception {
        return browser.send(HttpRequest.newBuilder(base.resolve("desk/index.xhtml")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSignedOut(HttpClient browser, URI base, String when) throws Exception {
        HttpResponse<String> page = desk(browser, base);
        assertEquals(302, page.statusCode(), when);
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/signin.xhtml"), when);
    }
}
