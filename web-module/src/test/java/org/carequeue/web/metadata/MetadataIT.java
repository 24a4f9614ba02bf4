package org.carequeue.web.metadata;

import static org.carequeue.web.support.SecureMetadataTokens.jwe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.audience.AudienceDetailResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.metadata.MasterKeyResponse;
import org.carequeue.api.metadata.MetadataUpdateRequest;
import org.carequeue.api.metadata.NewMasterKeyResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Questionnaire answers, metadata and secure metadata over REST and on the desk. Secure metadata
 * is built here as a partner's server builds it: plain javax.crypto for Ninchat's formats, a JOSE
 * library (nimbus-jose-jwt) for JWE.
 */
class MetadataIT extends AgainstBuiltWar {

    static final SecureRandom RANDOM = new SecureRandom();

    Api api;
    Api.Organization organization;
    Api.Agent agent;
    QueueResponse queue;

    @BeforeEach
    void organization() {
        api = api();
        organization = api.signUp();
        agent = api.agent(organization);
        queue = api.openQueue(organization, 50, agent);
    }

    @Test
    void onlyTheOwnerCreatesAndRevokesMasterKeysAndTheSecretIsShownOnce() {
        Api.Agent operator = operator();

        NewMasterKeyResponse key = api.post("api/v1/master-keys", organization.ownerToken(), null)
                .expect(201).as(NewMasterKeyResponse.class);
        assertEquals(32, Base64.getUrlDecoder().decode(key.secret()).length);
        assertFalse(key.secret().contains("="), "base64url without padding");

        for (String token : List.of(agent.token(), operator.token())) {
            var refused = api.post("api/v1/master-keys", token, null);
            assertEquals(403, refused.status(), refused.body());
            assertEquals("forbidden", refused.problem().code());
            assertEquals(403, api.send("DELETE", "api/v1/master-keys/" + key.keyId(), token).status());
        }
        assertEquals(403, api.get("api/v1/master-keys", agent.token()).status());

        var listed = api.get("api/v1/master-keys", operator.token()).expect(200);
        assertFalse(listed.body().contains(key.secret()), "the list never shows a secret");
        List<MasterKeyResponse> keys = listed.asList(MasterKeyResponse.class);
        assertEquals(1, keys.size(), "one key: the refused creations made none");
        assertEquals(key.keyId(), keys.get(0).keyId());
        assertNull(keys.get(0).revokedAt());

        // Another organization's owner neither sees nor revokes it.
        Api.Organization other = api.signUp();
        assertEquals(List.of(), api.get("api/v1/master-keys", other.ownerToken()).expect(200).asList(MasterKeyResponse.class));
        assertEquals(404, api.send("DELETE", "api/v1/master-keys/" + key.keyId(), other.ownerToken()).status());

        String token = ninchat(key, Map.of("customerId", "C-1"), Instant.now().plusSeconds(300), true);
        request(new CustomerRequest("Before", null, null, token, null)).expect(201);
        MasterKeyResponse revoked = api.send("DELETE", "api/v1/master-keys/" + key.keyId(), organization.ownerToken())
                .expect(200).as(MasterKeyResponse.class);
        assertNotNull(revoked.revokedAt());
        assertInvalid(request(new CustomerRequest("After", null, null, token, null)));
    }

    @Test
    void everyFormatReachesTheAgentAsVerifiedMetadata() {
        NewMasterKeyResponse key = masterKey();
        Instant in5Minutes = Instant.now().plusSeconds(300);
        Map<String, String> facts = Map.of("customerId", "C-42", "plan", "Gold");
        Map<String, String> tokens = Map.of(
                "current", ninchat(key, facts, in5Minutes, true),
                "older", ninchat(key, facts, in5Minutes, false),
                "jwe", jwe(key.keyId(), key.secret(), facts, in5Minutes));
        tokens.forEach((format, token) -> {
            CustomerRequestResponse customer = request(new CustomerRequest("Format " + format, "Hi", null, token, null))
                    .expect(201).as(CustomerRequestResponse.class);

            AudienceDetailResponse card = card(customer);

            assertEquals(key.keyId(), card.verifiedKeyId(), format);
            assertEquals(facts.get("customerId"), card.verifiedMetadata().get("customerId"), format);
            assertEquals(facts.get("plan"), card.verifiedMetadata().get("plan"), format);
            assertEquals("u-" + key.keyId(), card.verifiedMetadata().get("user_id"), format);
        });
        // The customer's own view says nothing about it, and another organization's agent cannot read it.
        CustomerRequestResponse customer = request(new CustomerRequest("Plain", null, null, null, null))
                .expect(201).as(CustomerRequestResponse.class);
        assertEquals(Map.of(), card(customer).verifiedMetadata());
        Api.Organization other = api.signUp();
        assertEquals(404, api.get("api/v1/audiences/" + customer.audienceId() + "/customer", other.ownerToken()).status());
    }

    @Test
    void untrustworthySecureMetadataIsRefusedAlikeAndNothingIsStored() {
        NewMasterKeyResponse key = masterKey();
        NewMasterKeyResponse otherOrganizationsKey = api.post("api/v1/master-keys", api.signUp().ownerToken(), null)
                .expect(201).as(NewMasterKeyResponse.class);
        Instant later = Instant.now().plusSeconds(300);
        Map<String, String> facts = Map.of("customerId", "C-1");
        String valid = ninchat(key, facts, later, true);
        String wrongSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        List<String> bad = List.of(
                ninchat(key, facts, Instant.now().minusSeconds(5), true),
                ninchat(new NewMasterKeyResponse(key.keyId(), wrongSecret, null), facts, later, true),
                ninchat(new NewMasterKeyResponse("unknownkey1", key.secret(), null), facts, later, false),
                ninchat(otherOrganizationsKey, facts, later, true),
                valid.substring(0, valid.length() - 10),
                valid.replace('.', '-') + "-",
                "not secure metadata at all",
                jwe(key.keyId(), key.secret(), facts, Instant.now().plusSeconds(8 * 24 * 3600)),
                jwe(key.keyId(), wrongSecret, facts, later));
        for (String token : bad) {
            assertInvalid(request(new CustomerRequest("Mallory", "Hi", null, token, null)));
        }
        assertEquals(0, waiting(), "no refused request joined the line");
    }

    @Test
    void aQueueRequiresOrIgnoresSecureMetadataAsSet() {
        NewMasterKeyResponse key = masterKey();
        String valid = jwe(key.keyId(), key.secret(), Map.of("customerId", "C-7"), Instant.now().plusSeconds(300));

        QueueResponse required = settings(null, "REQUIRED");
        assertEquals("REQUIRED", required.secureMetadata());
        var missing = request(new CustomerRequest("No key", null, null, null, null));
        assertEquals(422, missing.status());
        assertEquals("secure_metadata_required", missing.problem().code());
        assertEquals(0, waiting());
        assertInvalid(request(new CustomerRequest("Bad key", null, null, "garbage.garbage", null)));
        CustomerRequestResponse verified = request(new CustomerRequest("Verified", null, null, valid, null))
                .expect(201).as(CustomerRequestResponse.class);
        assertEquals("C-7", card(verified).verifiedMetadata().get("customerId"));

        settings(null, "IGNORED");
        CustomerRequestResponse garbage = request(new CustomerRequest("Garbage", null, null, "garbage.garbage", null))
                .expect(201).as(CustomerRequestResponse.class);
        CustomerRequestResponse unread = request(new CustomerRequest("Unread", null, null, valid, null))
                .expect(201).as(CustomerRequestResponse.class);
        assertEquals(Map.of(), card(garbage).verifiedMetadata());
        assertEquals(Map.of(), card(unread).verifiedMetadata(), "ignored: not decrypted, not stored");
        assertNull(card(unread).verifiedKeyId());

        var unknown = api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 50, false).withMetadata(null, "SOMETIMES"));
        assertEquals(400, unknown.status());
        assertEquals("secureMetadata", unknown.problem().field());
        assertEquals(403, api.put("api/v1/queues/" + queue.id() + "/settings", agent.token(),
                QueueSettingsRequest.basic(queue.name(), 50, false).withMetadata("ALL", null)).status());
    }

    @Test
    void metadataIsKeptAsTheQueueSaysWithTheIpFromTheConnectionOnly() throws Exception {
        Map<String, String> browser = Map.of("browser", "Firefox 140", "screen", "1920x1080",
                "landingPage", "https://shop.example/", "referrer", "https://search.example/?q=shoes",
                "ip", "6.6.6.6");

        assertEquals("NO_IP", api.get("api/v1/queues/" + queue.id(), agent.token()).expect(200)
                .as(QueueResponse.class).metadataCollection(), "the default keeps no IP address");
        Map<String, String> noIp = card(requestForwarded(browser)).metadata();
        assertEquals("Firefox 140", noIp.get("browser"));
        assertEquals("https://search.example/?q=shoes", noIp.get("referrer"));
        assertFalse(noIp.containsKey("ip"), "neither the browser's claim nor the connection's address: " + noIp);

        assertEquals("ALL", settings("ALL", null).metadataCollection());
        Map<String, String> all = card(requestForwarded(browser)).metadata();
        assertEquals("1920x1080", all.get("screen"));
        assertEquals("127.0.0.1", all.get("ip"), "the connection's address, not the body's nor X-Forwarded-For");

        settings("NONE", null);
        assertEquals(Map.of(), card(requestForwarded(browser)).metadata());

        var unknown = api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 50, false).withMetadata("EVERYTHING", null));
        assertEquals(400, unknown.status());
        assertEquals("metadataCollection", unknown.problem().field());
        assertEquals("NONE", api.get("api/v1/queues/" + queue.id(), agent.token()).expect(200)
                .as(QueueResponse.class).metadataCollection(), "a refused setting changes nothing");
    }

    @Test
    void liveMetadataIsMergedAndReachesTheAgent() throws InterruptedException {
        settings("ALL", null);
        CustomerRequestResponse customer = request(new CustomerRequest("Live", "Hello",
                Map.of("page", "https://shop.example/", "cart", "2 items"), null, null))
                .expect(201).as(CustomerRequestResponse.class);
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);

        Map<String, String> stored = api.put("api/v1/audiences/" + customer.audienceId() + "/metadata",
                customer.customerToken(), new MetadataUpdateRequest(Map.of("page", "https://shop.example/checkout",
                        "cart", "", "ip", "6.6.6.6"))).expect(200).as(Map.class);
        assertEquals("https://shop.example/checkout", stored.get("page"));

        Map<String, String> seen = card(customer).metadata();
        assertEquals("https://shop.example/checkout", seen.get("page"));
        assertFalse(seen.containsKey("cart"), "an empty value removes the key");
        assertEquals("127.0.0.1", seen.get("ip"), "the browser cannot overwrite the server's IP address");

        // The same through the customer's chat socket: {"type":"metadata","metadata":{...}}.
        try (ChatSocket socket = ChatSocket.authenticated(api, customer.customerToken())) {
            socket.send(Json.createObjectBuilder().add("type", "metadata")
                    .add("metadata", Json.createObjectBuilder().add("page", "https://shop.example/pay")).build());
            long deadline = System.nanoTime() + ChatSocket.WAIT.toNanos();
            while (!"https://shop.example/pay".equals(card(customer).metadata().get("page"))) {
                assertTrue(System.nanoTime() < deadline, "the socket's metadata frame was not stored");
                Thread.sleep(100);
            }
        }
        assertEquals(401, api.get("api/v1/audiences/" + customer.audienceId() + "/customer", customer.customerToken())
                .status(), "the card is for agents");

        assertEquals(404, api.put("api/v1/audiences/" + customer.audienceId() + "/metadata", "cqc_not-the-token",
                new MetadataUpdateRequest(Map.of("page", "x"))).status());
        Map<String, String> tooMany = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            tooMany.put("k" + i, "v");
        }
        assertEquals(400, api.put("api/v1/audiences/" + customer.audienceId() + "/metadata", customer.customerToken(),
                new MetadataUpdateRequest(tooMany)).status());
        api.post("api/v1/audiences/" + customer.audienceId() + "/end", customer.customerToken(), null).expect(200);
        var ended = api.put("api/v1/audiences/" + customer.audienceId() + "/metadata", customer.customerToken(),
                new MetadataUpdateRequest(Map.of("page", "https://shop.example/thanks")));
        assertEquals(409, ended.status());
        assertEquals("https://shop.example/pay", card(customer).metadata().get("page"), "nothing changes after the end");
    }

    /**
     * The desk's "about the customer" shows the answers (also in the waiting list), the metadata
     * and the verified metadata, user text as text; a page change shows up without reload.
     */
    @Test
    void theDeskShowsAnswersMetadataAndVerifiedMetadataLive() {
        settings("ALL", null);
        NewMasterKeyResponse key = masterKey();
        String secure = ninchat(key, Map.of("customerId", "C-1001", "contract", "Premium"),
                Instant.now().plusSeconds(600), true);
        CustomerRequestResponse customer = request(new CustomerRequest("Paula <i>Pattern</i>", "Where is my order?",
                Map.of("browser", "Chromium", "landingPage", "https://shop.example/"), secure,
                Map.of("Order number", "A-77", "Topic", "<b>Delivery</b>")))
                .expect(201).as(CustomerRequestResponse.class);

        // The customer's socket keeps them in line (without one they are dropped after the grace period).
        try (ChatSocket present = ChatSocket.authenticated(api, customer.customerToken());
             Browser desk = Browser.open(api)) {
            desk.go("desk/queue.xhtml?id=" + queue.id());
            desk.signIn(agent.username(), Api.PASSWORD);
            desk.visible(By.xpath("//dl[@class='cq-answers']/dd[text()='A-77']"));
            assertTrue(desk.has(By.xpath("//dl[@class='cq-answers']/dd[text()='<b>Delivery</b>']")),
                    "the waiting list shows answers as text");
            desk.screenshot("metadata-waiting-list");

            desk.click(By.cssSelector(".cq-pick[data-audience-id='" + customer.audienceId() + "']"));
            desk.waitUntil(d -> d.getCurrentUrl().contains("/desk/conversation.xhtml?id=" + customer.audienceId()));
            By about = By.id("customerCard:aboutCustomer");
            desk.visible(about);
            desk.visible(By.xpath("//dl[@id='verifiedMetadata']/dd[text()='C-1001']"));
            assertTrue(desk.has(By.xpath("//dl[@id='verifiedMetadata']/dt[text()='contract']/following-sibling::dd[1][text()='Premium']")));
            assertTrue(desk.has(By.xpath("//dl[@id='browserMetadata']/dt[text()='Browser']/following-sibling::dd[1][text()='Chromium']")));
            assertTrue(desk.has(By.xpath("//dl[@id='browserMetadata']/dt[text()='IP address']/following-sibling::dd[1][text()='127.0.0.1']")));
            assertTrue(desk.has(By.xpath("//div[@id='customerCard:aboutCustomer']//dd[text()='<b>Delivery</b>']")),
                    "answers are shown as text");
            assertFalse(desk.has(By.cssSelector("#customerCard\\:aboutCustomer b, #customerCard\\:aboutCustomer i:not(.pi)")),
                    "no markup from the customer is rendered");
            desk.markPage();

            api.put("api/v1/audiences/" + customer.audienceId() + "/metadata", customer.customerToken(),
                    new MetadataUpdateRequest(Map.of("page", "https://shop.example/orders/A-77"))).expect(200);
            desk.visible(By.xpath("//dl[@id='browserMetadata']/dt[text()='Page']/following-sibling::dd[1][text()='https://shop.example/orders/A-77']"));
            assertTrue(desk.stillSamePage(), "the page change shows without reload");
            desk.screenshot("metadata-about-the-customer");
        }
    }

    /**
     * The owner creates a master key in the admin (the secret is shown once and works), revokes it;
     * an operator cannot create one; the queue settings dialog sets the metadata collection.
     */
    @Test
    void theAdminManagesMasterKeysAndTheQueuesMetadataSettings() {
        String keyId;
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/master-keys.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.click(By.id("createForm:createKey"));
            String secret = admin.attribute(By.id("secretForm:secret"), "value");
            keyId = admin.attribute(By.id("secretForm:keyId"), "value");
            assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
            admin.screenshot("admin-master-key-created");
            admin.click(By.id("secretForm:secretDone"));
            admin.waitUntil(d -> !d.findElement(By.id("secretDialog")).isDisplayed());
            admin.waitUntil(d -> d.findElement(By.id("keysForm:keys")).getText().contains(keyId));
            assertTrue(admin.text(By.id("keysForm:keys")).contains("In use"));

            NewMasterKeyResponse shown = new NewMasterKeyResponse(keyId, secret, null);
            CustomerRequestResponse customer = request(new CustomerRequest("Keyed", null, null,
                    ninchat(shown, Map.of("customerId", "C-9"), Instant.now().plusSeconds(60), true), null))
                    .expect(201).as(CustomerRequestResponse.class);
            assertEquals("C-9", card(customer).verifiedMetadata().get("customerId"), "the secret shown is the key's");
            admin.go("admin/master-keys.xhtml");
            assertFalse(admin.script("return document.documentElement.outerHTML").toString().contains(secret),
                    "the secret is never shown again");

            admin.click(By.cssSelector("button[data-key='" + keyId + "']"));
            admin.click(By.id("confirmYes"));
            admin.waitUntil(d -> d.findElement(By.id("keysForm:keys")).getText().contains("Revoked"));
            admin.screenshot("admin-master-key-revoked");

            admin.go("admin/queues.xhtml?edit=" + queue.id());
            admin.choose("settingsForm:metadataCollection", "Keep it, with the IP address");
            admin.choose("settingsForm:secureMetadata", "Required: refuse requests without it");
            admin.screenshot("admin-queue-metadata-settings");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("settingsDialog")).isDisplayed());
        }
        QueueResponse saved = api.get("api/v1/queues/" + queue.id(), agent.token()).expect(200).as(QueueResponse.class);
        assertEquals("ALL", saved.metadataCollection());
        assertEquals("REQUIRED", saved.secureMetadata());

        Api.Agent operator = operator();
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/master-keys.xhtml").signIn(operator.username(), Api.PASSWORD);
            admin.waitUntil(d -> d.findElement(By.id("keysForm:keys")).getText().contains(keyId));
            assertFalse(admin.visible(By.id("createForm:createKey")).isEnabled(), "operators only see the list");
            assertFalse(admin.has(By.cssSelector("button[data-key]")), "operators cannot revoke");
        }
    }

    // --- helpers ---

    private Api.Agent operator() {
        String username = Api.unique("operator");
        AgentResponse created = api.post("api/v1/agents", organization.ownerToken(),
                new CreateAgentRequest(username, "Operator " + username, null, Api.PASSWORD, "OPERATOR"))
                .expect(201).as(AgentResponse.class);
        return new Api.Agent(created.agentId(), created.name(), api.signIn(username), username);
    }

    private NewMasterKeyResponse masterKey() {
        return api.post("api/v1/master-keys", organization.ownerToken(), null).expect(201).as(NewMasterKeyResponse.class);
    }

    private QueueResponse settings(String metadataCollection, String secureMetadata) {
        return api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 50, false).withMetadata(metadataCollection, secureMetadata))
                .expect(200).as(QueueResponse.class);
    }

    private Api.Reply request(CustomerRequest request) {
        return api.post("api/v1/queues/" + queue.id() + "/requests", null, request);
    }

    /** A request whose client claims another address in X-Forwarded-For: no proxy is trusted here. */
    private CustomerRequestResponse requestForwarded(Map<String, String> metadata) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        api.base().resolve("api/v1/queues/" + queue.id() + "/requests"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "6.6.6.6")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.toJson(
                        new CustomerRequest(Api.unique("customer"), null, metadata, null, null))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return Api.JSON.fromJson(response.body(), CustomerRequestResponse.class);
    }

    private AudienceDetailResponse card(CustomerRequestResponse customer) {
        return api.get("api/v1/audiences/" + customer.audienceId() + "/customer", agent.token())
                .expect(200).as(AudienceDetailResponse.class);
    }

    private int waiting() {
        return api.get("api/v1/queues/" + queue.id() + "/requests", agent.token()).expect(200).asList(Object.class).size();
    }

    private static void assertInvalid(Api.Reply reply) {
        assertEquals(422, reply.status(), reply.body());
        Problem problem = reply.problem();
        assertEquals("invalid_secure_metadata", problem.code());
        assertEquals("secureMetadata could not be verified", problem.detail(), "one answer for every failure");
    }

    /** Ninchat's format: keyId.base64url(IV || AES-256-CBC(SHA-512(json) || json || zeros)), or keyId-base64(...). */
    static String ninchat(NewMasterKeyResponse key, Map<String, String> metadata, Instant expires, boolean current) {
        try {
            String json = "{\"expire\":" + expires.getEpochSecond() + ",\"metadata\":" + Api.JSON.toJson(metadata)
                    + ",\"user_id\":\"u-" + key.keyId() + "\"}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
            byte[] plain = Arrays.copyOf(digest, (digest.length + bytes.length + 15) / 16 * 16);
            System.arraycopy(bytes, 0, plain, digest.length, bytes.length);
            byte[] iv = randomBytes(16);
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getUrlDecoder().decode(key.secret()), "AES"),
                    new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(plain);
            byte[] sealed = Arrays.copyOf(iv, iv.length + encrypted.length);
            System.arraycopy(encrypted, 0, sealed, iv.length, encrypted.length);
            return current ? key.keyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed)
                    : key.keyId() + "-" + Base64.getEncoder().encodeToString(sealed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
