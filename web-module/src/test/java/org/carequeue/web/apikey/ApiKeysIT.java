package org.carequeue.web.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carequeue.api.apikey.ApiKeyRequest;
import org.carequeue.api.apikey.ApiKeyResponse;
import org.carequeue.api.apikey.NewApiKeyResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.cannedmessage.CannedMessageRequest;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.contact.RegisteredContactsPage;
import org.carequeue.api.history.HistoryEntryResponse;
import org.carequeue.api.history.HistoryPage;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.CreateQueueRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueuesPage;
import org.carequeue.api.session.MeResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.Test;

/** API keys over HTTP: scopes, organizations, refusals, the audit of every use; and the cursor-paged lists. */
class ApiKeysIT extends AgainstBuiltWar {

    private static final String PERIOD = "from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1)
            + "&zone=UTC";
    private static final String STATISTICS = "api/v1/statistics?" + PERIOD;

    @Test
    void aStatisticsKeyReadsStatisticsAndNothingElse() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        NewApiKeyResponse created = create(api, organization, "Reporting", List.of("READ_STATISTICS"), null);
        assertTrue(created.key().matches("cqk_[A-Za-z0-9_-]{43}"), created.key());
        assertEquals(created.key().substring(0, 8), created.prefix());
        String key = created.key();

        api.get(STATISTICS, key).expect(200);
        api.get("api/v1/queues/" + queue.id() + "/statistics?" + PERIOD, key).expect(200);
        assertForbidden(api.post("api/v1/queues/" + queue.id() + "/close", key, null));
        assertForbidden(api.get("api/v1/queues", key));
        assertForbidden(api.get("api/v1/audiences", key));
        assertForbidden(api.get("api/v1/me", key));
        assertForbidden(api.get("api/v1/api-keys", key));
        assertForbidden(api.post("api/v1/api-keys", key, new ApiKeyRequest("More", List.of("ACT_AS_AGENT"), null)));
        assertEquals("OPEN", api.get("api/v1/queues/" + queue.id(), organization.ownerToken()).expect(200)
                .as(QueueResponse.class).state(), "the refused close changed nothing");
    }

    @Test
    void aQueueKeyManagesQueuesButReadsNoTranscripts() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        String key = create(api, organization, "Opening hours", List.of("MANAGE_QUEUES"), null).key();

        QueuesPage queues = api.get("api/v1/queues", key).expect(200).as(QueuesPage.class);
        assertEquals(List.of(queue.id()), queues.items().stream().map(QueueResponse::id).toList());
        assertEquals("CLOSED", api.post("api/v1/queues/" + queue.id() + "/close", key, null).expect(200)
                .as(QueueResponse.class).state());
        Api.Agent agent = api.agent(organization);
        api.put("api/v1/queues/" + queue.id() + "/members/" + agent.id(), key, null).expect(200);
        api.get("api/v1/queues/" + queue.id() + "/schedule", key).expect(200);
        assertForbidden(api.get("api/v1/audiences", key));
        assertForbidden(api.get(STATISTICS, key));
        assertForbidden(api.post("api/v1/queues/" + queue.id() + "/pick", key, null));
    }

    @Test
    void anAgentKeyActsAsItsAgentAndATranscriptKeyReadsWhatTheyDid() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse request = api.request(queue.id(), "Carla Customer", "Hello");
        String agentKey = create(api, organization, "Bot", List.of("ACT_AS_AGENT"), agent.id()).key();

        assertEquals(agent.id(), api.get("api/v1/me", agentKey).expect(200).as(MeResponse.class).agentId());
        AudienceResponse picked = api.post("api/v1/queues/" + queue.id() + "/pick", agentKey, null).expect(200)
                .as(AudienceResponse.class);
        assertEquals(request.audienceId(), picked.audienceId());
        assertForbidden(api.get(STATISTICS, agentKey));
        assertForbidden(api.get("api/v1/queues", agentKey));

        String transcriptKey = create(api, organization, "Archive", List.of("READ_TRANSCRIPTS"), null).key();
        HistoryPage history = api.get("api/v1/audiences?state=ACCEPTED", transcriptKey).expect(200).as(HistoryPage.class);
        assertEquals(List.of(request.audienceId()), history.audiences().stream().map(HistoryEntryResponse::id).toList());
        api.get("api/v1/audiences/" + request.audienceId() + "/transcript", transcriptKey).expect(200);
        api.get("api/v1/contacts", transcriptKey).expect(200);
        assertForbidden(api.post("api/v1/queues/" + queue.id() + "/close", transcriptKey, null));
    }

    @Test
    void anAgentKeyThatActsAsAnOperatorHasOnlyAnAgentsRights() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse notTheirs = api.post("api/v1/queues", organization.ownerToken(),
                new CreateQueueRequest("Elsewhere", 10)).expect(201).as(QueueResponse.class);
        String key = create(api, organization, "Owner's bot", List.of("ACT_AS_AGENT"), null).key();

        assertEquals(organization.ownerId(), api.get("api/v1/me", key).expect(200).as(MeResponse.class).agentId());
        assertForbidden(api.post("api/v1/queues/" + notTheirs.id() + "/open", key, null));
        assertForbidden(api.post("api/v1/canned-messages", key, new CannedMessageRequest("hi", "Hello!", "organization")));
        api.post("api/v1/canned-messages", key, new CannedMessageRequest("hi", "Hello!", "personal")).expect(201);
        assertEquals("OPEN", api.post("api/v1/queues/" + notTheirs.id() + "/open", organization.ownerToken(), null)
                .expect(200).as(QueueResponse.class).state(), "the operator signed in keeps their rights");
    }

    @Test
    void operatorScopesNeedAnOperatorToActAs() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        Problem refused = api.post("api/v1/api-keys", organization.ownerToken(),
                new ApiKeyRequest("Reporting", List.of("READ_STATISTICS"), agent.id())).expect(400).problem();
        assertEquals("validation_failed", refused.code());
        assertEquals("agentId", refused.field());
        assertEquals("scopes", api.post("api/v1/api-keys", organization.ownerToken(),
                new ApiKeyRequest("Nothing", List.of(), null)).expect(400).problem().field());
        assertEquals("scopes", api.post("api/v1/api-keys", organization.ownerToken(),
                new ApiKeyRequest("Typo", List.of("READ_EVERYTHING"), null)).expect(400).problem().field());
        assertForbidden(api.post("api/v1/api-keys", agent.token(),
                new ApiKeyRequest("Mine", List.of("ACT_AS_AGENT"), null)));
        assertTrue(api.get("api/v1/api-keys", organization.ownerToken()).expect(200).asList(ApiKeyResponse.class)
                .isEmpty(), "nothing refused was created");
    }

    @Test
    void anotherOrganizationsIdsAreNotFoundForAKey() {
        Api api = api();
        Api.Organization mine = api.signUp();
        Api.Organization theirs = api.signUp();
        QueueResponse theirQueue = api.openQueue(theirs, 10);
        CustomerRequestResponse theirRequest = api.request(theirQueue.id(), "Their Customer", "Hi");
        String key = create(api, mine, "Everything", List.of("MANAGE_QUEUES", "READ_TRANSCRIPTS", "READ_STATISTICS"),
                null).key();

        assertEquals("queue_not_found", api.post("api/v1/queues/" + theirQueue.id() + "/close", key, null)
                .expect(404).problem().code());
        assertEquals("audience_not_found", api.get("api/v1/audiences/" + theirRequest.audienceId() + "/transcript", key)
                .expect(404).problem().code());
        assertEquals(404, api.get("api/v1/contacts?queueId=" + theirQueue.id(), key).status());
        assertTrue(api.get("api/v1/queues", key).expect(200).as(QueuesPage.class).items().isEmpty());
        assertEquals("OPEN", api.get("api/v1/queues/" + theirQueue.id(), theirs.ownerToken()).expect(200)
                .as(QueueResponse.class).state());
    }

    @Test
    void wrongAndRevokedKeysGet401AndEveryUseIsRecorded() {
        Api api = api();
        Api.Organization organization = api.signUp();
        NewApiKeyResponse created = create(api, organization, "Short-lived", List.of("MANAGE_QUEUES"), null);
        api.get("api/v1/queues", created.key()).expect(200);
        assertForbidden(api.get(STATISTICS, created.key()));

        Api.Reply wrong = api.get("api/v1/queues", created.key().substring(0, 40) + "AAAA");
        assertEquals(401, wrong.status());
        assertEquals("invalid_api_key", wrong.problem().code());

        ApiKeyResponse revoked = api.send("DELETE", "api/v1/api-keys/" + created.keyId(), organization.ownerToken())
                .expect(200).as(ApiKeyResponse.class);
        assertNotNull(revoked.revokedAt());
        Api.Reply afterRevocation = api.get("api/v1/queues", created.key());
        assertEquals(401, afterRevocation.status());
        assertEquals("invalid_api_key", afterRevocation.problem().code());

        ApiKeyResponse listed = api.get("api/v1/api-keys", organization.ownerToken()).expect(200)
                .asList(ApiKeyResponse.class).get(0);
        assertEquals(3, listed.useCount(), "allowed, forbidden and revoked uses; the wrong key is no key of ours");
        assertNotNull(listed.lastUsedAt());
        assertEquals(created.prefix(), listed.prefix());
        assertTrue(api.get("api/v1/api-keys", organization.ownerToken()).body().indexOf(created.key()) < 0,
                "the list never shows the key");
        assertEquals(404, api.send("DELETE", "api/v1/api-keys/" + created.keyId(), api.signUp().ownerToken()).status(),
                "another organization's key does not exist");
    }

    @Test
    void aKeyInTheUrlIsRefused() {
        Api api = api();
        Api.Organization organization = api.signUp();
        String key = create(api, organization, "Leaky", List.of("MANAGE_QUEUES"), null).key();
        Api.Reply inQuery = api.get("api/v1/queues?api_key=" + key, null);
        assertEquals(400, inQuery.status());
        assertEquals("api_key_in_url", inQuery.problem().code());
        assertEquals("api_key_in_url", api.get("api/v1/queues?token=" + key.replace("_", "%5F"), key)
                .expect(400).problem().code(), "also encoded, and also beside a header");
        assertEquals(0, api.get("api/v1/api-keys", organization.ownerToken()).expect(200)
                .asList(ApiKeyResponse.class).get(0).useCount());
    }

    @Test
    void queuesAreListedPageByPageWithACursor() {
        Api api = api();
        Api.Organization organization = api.signUp();
        List<String> names = new ArrayList<>();
        for (String name : List.of("delta", "Alpha", "echo", "bravo", "Charlie")) {
            api.post("api/v1/queues", organization.ownerToken(), new CreateQueueRequest(name, 5)).expect(201);
        }
        String key = create(api, organization, "Lister", List.of("MANAGE_QUEUES"), null).key();
        String cursor = null;
        int pages = 0;
        do {
            QueuesPage page = api.get("api/v1/queues?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), key)
                    .expect(200).as(QueuesPage.class);
            assertTrue(page.items().size() <= 2);
            page.items().forEach(queue -> names.add(queue.name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of("Alpha", "bravo", "Charlie", "delta", "echo"), names);
        assertEquals(3, pages);
        assertEquals(5, api.get("api/v1/queues", key).expect(200).as(QueuesPage.class).items().size(),
                "50 by default");
    }

    @Test
    void badLimitsCursorsAndFiltersAreRefusedByField() {
        Api api = api();
        Api.Organization organization = api.signUp();
        String owner = organization.ownerToken();
        for (String limit : List.of("0", "201", "ten")) {
            assertRefused(api.get("api/v1/queues?limit=" + limit, owner), "limit");
        }
        assertRefused(api.get("api/v1/queues?cursor=not-a-cursor", owner), "cursor");
        assertRefused(api.get("api/v1/contacts?from=yesterday", owner), "from");
        assertRefused(api.get("api/v1/contacts?from=2026-11-02&to=2026-11-01", owner), "to");
        assertRefused(api.get("api/v1/contacts?cursor=" + "eA", owner), "cursor");
        assertRefused(api.get("api/v1/audiences?state=SLEEPING", owner), "state");
        assertRefused(api.get("api/v1/audiences?cursor=bm90IGEgdGltZQpu", owner), "cursor");
        assertRefused(api.get("api/v1/audiences?limit=ten", owner), "limit");
    }

    @Test
    void contactsAndAudiencesArePagedWithACursorNewestFirst() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        List<String> registered = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registered.add(0, api.post("api/v1/queues/" + queue.id() + "/contacts", null,
                    new ContactRequest("Contact " + i, "c" + i + "@example.com", null, "Call me", Map.of()))
                    .expect(201).as(ContactResponse.class).id());
            requested.add(0, api.request(queue.id(), "Customer " + i, "Hi").audienceId());
        }
        String key = create(api, organization, "Archive", List.of("READ_TRANSCRIPTS"), null).key();

        RegisteredContactsPage first = api.get("api/v1/contacts?limit=2&queueId=" + queue.id(), key).expect(200)
                .as(RegisteredContactsPage.class);
        RegisteredContactsPage second = api.get("api/v1/contacts?limit=2&queueId=" + queue.id() + "&cursor="
                + first.nextCursor(), key).expect(200).as(RegisteredContactsPage.class);
        List<String> contacts = new ArrayList<>(first.items().stream().map(ContactResponse::id).toList());
        contacts.addAll(second.items().stream().map(ContactResponse::id).toList());
        assertEquals(registered, contacts);
        assertNull(second.nextCursor());

        HistoryPage newest = api.get("api/v1/audiences?limit=2", key).expect(200).as(HistoryPage.class);
        HistoryPage oldest = api.get("api/v1/audiences?limit=2&cursor=" + newest.nextCursor(), key).expect(200)
                .as(HistoryPage.class);
        List<String> audiences = new ArrayList<>(newest.audiences().stream().map(HistoryEntryResponse::id).toList());
        audiences.addAll(oldest.audiences().stream().map(HistoryEntryResponse::id).toList());
        assertEquals(requested, audiences);
        assertNull(oldest.nextCursor());
        assertEquals(3, oldest.total());
    }

    private static NewApiKeyResponse create(Api api, Api.Organization organization, String name, List<String> scopes,
                                            String agentId) {
        return api.post("api/v1/api-keys", organization.ownerToken(), new ApiKeyRequest(name, scopes, agentId))
                .expect(201).as(NewApiKeyResponse.class);
    }

    private static void assertForbidden(Api.Reply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.problem().code());
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("validation_failed", reply.problem().code());
        assertEquals(field, reply.problem().field(), reply.body());
    }
}
