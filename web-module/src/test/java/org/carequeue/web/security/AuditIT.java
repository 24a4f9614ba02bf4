package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.TransferRequest;
import org.carequeue.api.audit.AuditEntryResponse;
import org.carequeue.api.audit.AuditPage;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteTexts;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.Test;

/** The audit log over the API: what the actions of an organization write into it, and that it only grows. */
class AuditIT extends AgainstBuiltWar {

    @Test
    void signInsPicksTransfersReadsAndAdminChangesAreRecordedNewestFirst() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        QueueResponse billing = api.openQueue(organization, 10, agent);
        api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 10, false).withTransferQueueIds(List.of(billing.id())))
                .expect(200);
        api.post("api/v1/sessions", null, new SignInRequest(agent.username(), "wrong")).expect(401);
        CustomerRequestResponse customer = api.request(queue.id(), "Carl", "Hello");
        AudienceResponse picked = api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null)
                .expect(200).as(AudienceResponse.class);
        api.post("api/v1/audiences/" + picked.audienceId() + "/transfer", agent.token(),
                new TransferRequest(billing.id())).expect(200);
        api.get("api/v1/audiences/" + customer.audienceId() + "/transcript", organization.ownerToken()).expect(200);
        api.send("DELETE", "api/v1/sessions/current", agent.token()).expect(204);
        api.post("api/v1/master-keys", organization.ownerToken(), null).expect(201);
        String siteKey = api.post("api/v1/sites", organization.ownerToken(),
                new SiteConfiguration(null, null, "Shop", "en", Map.of("en", new SiteTexts("Hi", null, null, null)),
                        List.of(), List.of(), List.of(queue.id()), null, true, true, false,
                        List.of("https://shop.example"))).expect(201)
                .as(SiteConfiguration.class).siteKey();
        api.send("DELETE", "api/v1/sites/" + siteKey, organization.ownerToken()).expect(204);

        List<AuditEntryResponse> all = all(api, organization.ownerToken(), null);

        assertEntry(all, "MEMBER_ADDED", organization.ownerId(), agent.username());
        assertEntry(all, "QUEUE_CREATED", organization.ownerId(), null);
        assertEntry(all, "QUEUE_SETTINGS_CHANGED", organization.ownerId(), queue.id());
        assertEntry(all, "SIGNED_IN", agent.id(), "API");
        AuditEntryResponse failed = assertEntry(all, "SIGN_IN_FAILED", null, agent.username());
        assertNull(failed.actorName(), "nobody is known to have tried");
        assertEntry(all, "PICKED", agent.id(), customer.audienceId());
        assertEntry(all, "TRANSFERRED", agent.id(), customer.audienceId() + " to " + billing.name());
        assertEntry(all, "TRANSCRIPT_READ", organization.ownerId(), customer.audienceId() + " REST");
        assertEntry(all, "SIGNED_OUT", agent.id(), "API");
        assertEntry(all, "MASTER_KEY_CREATED", organization.ownerId(), null);
        assertEntry(all, "SITE_CREATED", organization.ownerId(), null);
        assertEntry(all, "SITE_DELETED", organization.ownerId(), siteKey);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).at().compareTo(all.get(i).at()) >= 0, "newest first");
        }
        List<AuditEntryResponse> picks = all(api, organization.ownerToken(), "PICKED");
        assertEquals(1, picks.size());
        assertEquals("validation_failed", api.get("api/v1/audit?kind=NO_SUCH_KIND", organization.ownerToken())
                .expect(400).problem().code());
        assertEquals(0, all(api, api.signUp().ownerToken(), "PICKED").size(), "another organization sees none of it");
        assertEquals(403, api.get("api/v1/audit", api.agent(organization).token()).status(), "agents do not read it");
    }

    @Test
    void theLogIsPagedByCursorAndHasNoWayToChangeOrDeleteAnEntry() {
        Api api = api();
        Api.Organization organization = api.signUp();
        for (int i = 0; i < 5; i++) {
            api.agent(organization);
        }
        AuditPage first = api.get("api/v1/audit?kind=MEMBER_ADDED&limit=2", organization.ownerToken()).expect(200)
                .as(AuditPage.class);
        assertEquals(2, first.items().size());
        assertNotNull(first.nextCursor());
        List<AuditEntryResponse> paged = all(api, organization.ownerToken(), "MEMBER_ADDED");
        assertEquals(5, paged.size());
        assertEquals(first.items(), paged.subList(0, 2));

        String id = first.items().get(0).id();
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            int status = api.send(method, "api/v1/audit/" + id, organization.ownerToken()).status();
            assertTrue(status == 404 || status == 405, method + " answered " + status);
            int onList = api.send(method, "api/v1/audit", organization.ownerToken()).status();
            assertEquals(405, onList, method + " on the list");
        }
        assertEquals(paged, all(api, organization.ownerToken(), "MEMBER_ADDED"), "unchanged");
    }

    private static AuditEntryResponse assertEntry(List<AuditEntryResponse> all, String kind, String actorId, String subject) {
        return all.stream().filter(e -> e.kind().equals(kind) && Objects.equals(actorId, e.actorId())
                        && (subject == null || subject.equals(e.subject())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " by " + actorId + " about " + subject
                        + " in " + all));
    }

    /** Every entry, following the cursor with small pages. */
    private static List<AuditEntryResponse> all(Api api, String token, String kind) {
        List<AuditEntryResponse> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            AuditPage read = api.get("api/v1/audit?limit=3" + (kind == null ? "" : "&kind=" + kind)
                    + (cursor == null ? "" : "&cursor=" + cursor), token).expect(200).as(AuditPage.class);
            all.addAll(read.items());
            cursor = read.nextCursor();
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("more than 100 pages");
    }
}
