package org.carequeue.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer side of the API and the chat socket answer a browser page only when a site of the
 * organization concerned allows its origin, or when it is CareQueue's own page; a caller without an
 * Origin (a server) always passes. Real HTTP and WebSocket clients send the Origin headers.
 */
class OriginsIT extends AgainstBuiltWar {

    private Api api;
    private Api.Organization shop;
    private Api.Agent agent;
    private QueueResponse queue;
    private String siteKey;
    /** Allowed by the shop's site. */
    private String shopPage;
    /** Allowed by another organization's site only. */
    private String otherPage;
    /** Allowed by no site at all. */
    private String strangerPage;

    @BeforeEach
    void twoOrganizationsWithASiteEach() {
        api = api();
        String unique = Api.unique("o");
        shopPage = "https://shop-" + unique + ".example.com";
        otherPage = "https://other-" + unique + ".example.com";
        strangerPage = "https://stranger-" + unique + ".example.com";
        shop = api.signUp();
        agent = api.agent(shop);
        queue = api.openQueue(shop, 10, agent);
        siteKey = api.post("api/v1/sites", shop.ownerToken(), SitesIT.site("Shop", List.of(queue.id()), List.of(shopPage)))
                .expect(201).as(SiteConfiguration.class).siteKey();
        Api.Organization other = api.signUp();
        QueueResponse otherQueue = api.openQueue(other, 10);
        api.post("api/v1/sites", other.ownerToken(), SitesIT.site("Other", List.of(otherQueue.id()), List.of(otherPage)))
                .expect(201);
    }

    @Test
    void customerCallsPassFromAllowedPagesOwnPagesAndServersOnly() {
        String requests = "api/v1/queues/" + queue.id() + "/requests";
        CustomerRequest request = new CustomerRequest("Carla", "Hi", null, null, null, siteKey);
        CustomerRequestResponse fromShop = api.from(shopPage).post(requests, null, request).expect(201)
                .as(CustomerRequestResponse.class);
        api.post(requests, null, request).expect(201);
        String own = "http://" + api.base().getAuthority();
        api.from(own).post(requests, null, request).expect(201);
        assertRefused(api.from(otherPage).post(requests, null, request));
        assertRefused(api.from(strangerPage).post(requests, null, request));
        assertRefused(api.from("null").post(requests, null, request));
        // A final "/" reaches the same resource: refused the same.
        assertRefused(api.from(strangerPage).post(requests + "/", null, request));

        String contacts = "api/v1/queues/" + queue.id() + "/contacts";
        ContactRequest contact = new ContactRequest("Frank", "frank@example.com", null, "Call me", null, siteKey);
        api.from(shopPage).post(contacts, null, contact).expect(201);
        assertRefused(api.from(otherPage).post(contacts, null, contact));
        assertRefused(api.from(otherPage).post(contacts + "/", null, contact));

        String audience = "api/v1/audiences/" + fromShop.audienceId();
        api.from(shopPage).get(audience, fromShop.customerToken()).expect(200);
        assertRefused(api.from(otherPage).get(audience, fromShop.customerToken()));
        assertRefused(api.from(strangerPage).post(audience + "/end", fromShop.customerToken(), null));
        assertEquals("REQUESTED", api.get(audience, fromShop.customerToken()).expect(200).as(AudienceResponse.class)
                .state(), "the refused end changed nothing");

        String site = "api/v1/sites/" + siteKey;
        api.from(shopPage).get(site, null).expect(200);
        api.from(own).get(site, null).expect(200);
        assertRefused(api.from(otherPage).get(site, null));
        assertRefused(api.from(otherPage).get(site + "/", null));
        // Agents' calls carry a bearer token no page has: not an embedding question.
        api.from(strangerPage).get(site, shop.ownerToken()).expect(200);
        api.from(strangerPage).get("api/v1/queues/" + queue.id() + "/requests", agent.token()).expect(200);
    }

    @Test
    void theChatSocketRefusesUnknownPagesAtTheHandshakeAndOtherOrganizationsPagesAtAuth() throws Exception {
        CustomerRequestResponse carla = api.request(queue.id(), "Carla", "Hi");

        CompletionException refused = assertThrows(CompletionException.class,
                () -> ChatSocket.connect(api, strangerPage));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, String.valueOf(refused.getCause()));
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        assertRefusedAtAuth(otherPage, carla.customerToken());
        assertRefusedAtAuth(otherPage, agent.token());

        for (String origin : new String[]{shopPage, null, "http://" + api.base().getAuthority()}) {
            try (ChatSocket customer = ChatSocket.authenticated(api, carla.customerToken(), origin)) {
                assertEquals(carla.audienceId(), customer.ready().getString("audienceId"), "from " + origin);
            }
            try (ChatSocket agentSocket = ChatSocket.authenticated(api, agent.token(), origin)) {
                assertEquals("ready", agentSocket.ready().getString("type"), "from " + origin);
            }
        }
    }

    @Test
    void theWidgetsPageMayBeFramedByItsSitesOriginsOnly() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String site : new String[]{siteKey, "no-such-site", null}) {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(api.base().resolve("widget/chat.html"
                    + (site == null ? "" : "?site=" + site))).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(siteKey.equals(site) ? "frame-ancestors 'self' " + shopPage : "frame-ancestors 'self'",
                    page.headers().firstValue("Content-Security-Policy").orElse(null), "site " + site);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        }
    }

    private void assertRefusedAtAuth(String origin, String token) {
        try (ChatSocket socket = ChatSocket.connect(api, origin)) {
            socket.send(Json.createObjectBuilder().add("type", "auth").add("token", token).build());
            JsonObject error = socket.next();
            assertEquals("error", error.getString("type"), error.toString());
            assertEquals("origin_not_allowed", error.getString("code"));
            assertEquals(1008, socket.awaitClose(), "closed as a policy violation");
        }
    }

    private static void assertRefused(Api.Reply reply) {
        Problem problem = reply.expect(403).problem();
        assertEquals("origin_not_allowed", problem.code(), problem.detail());
    }
}
