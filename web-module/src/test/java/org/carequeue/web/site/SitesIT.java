package org.carequeue.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.carequeue.api.apikey.ApiKeyRequest;
import org.carequeue.api.apikey.NewApiKeyResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.site.FieldOption;
import org.carequeue.api.site.QuestionnaireField;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteQuestion;
import org.carequeue.api.site.SiteTexts;
import org.carequeue.api.site.SiteView;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Site configurations over REST: operators of the organization (and keys that manage queues)
 * create, read, replace and delete them, every field checked with the field named and nothing
 * changed on a refusal; another organization's site does not exist for them; anyone reads a site
 * in a language with fallbacks; requests and contacts name the site they came through.
 */
class SitesIT extends AgainstBuiltWar {

    @Test
    void operatorsCreateReadReplaceAndDeleteTheirSites() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse support = api.openQueue(organization, 10);
        QueueResponse billing = api.openQueue(organization, 10);
        String owner = organization.ownerToken();

        SiteConfiguration created = api.post("api/v1/sites", owner, site("Shop", List.of(billing.id(), support.id()),
                List.of("https://Shop.Example.com", "http://localhost:8080", "https://shop.example.com:443")))
                .expect(201).as(SiteConfiguration.class);
        assertTrue(created.siteKey().matches("[A-Za-z0-9_-]{22}"), created.siteKey());
        assertEquals(organization.id(), created.organizationId());
        assertEquals(List.of(billing.id(), support.id()), created.queueIds(), "in the order given");
        assertEquals(List.of("http://localhost:8080", "https://shop.example.com"), created.allowedOrigins(),
                "canonical: lowercase, no default port, once");
        assertEquals("Hei", created.texts().get("fi").welcome());
        String path = "api/v1/sites/" + created.siteKey();
        assertEquals(created, api.get(path, owner).expect(200).as(SiteConfiguration.class));
        assertEquals(List.of(created), api.get("api/v1/sites", owner).expect(200).asList(SiteConfiguration.class));

        assertEquals(List.of(support.id(), billing.id()), api.put(path, owner, site("Shop", List.of(support.id(),
                billing.id()), List.of())).expect(200).as(SiteConfiguration.class).queueIds(), "reordered");
        SiteConfiguration changed = api.put(path, owner, withAuto(site("Shop 2", List.of(support.id()), List.of()),
                support.id())).expect(200).as(SiteConfiguration.class);
        assertEquals("Shop 2", changed.name());
        assertEquals(support.id(), changed.autoQueueId());
        assertEquals(List.of(), changed.allowedOrigins());

        // A key that manages queues manages sites too, as the operator it acts as.
        String key = api.post("api/v1/api-keys", owner, new ApiKeyRequest("sites", List.of("MANAGE_QUEUES"), null))
                .expect(201).as(NewApiKeyResponse.class).key();
        assertEquals(1, api.get("api/v1/sites", key).expect(200).asList(SiteConfiguration.class).size());

        api.send("DELETE", path, owner).expect(204);
        assertEquals("site_not_found", api.get(path, owner).expect(404).problem().code());
        assertEquals("site_not_found", api.get(path, null).expect(404).problem().code());
        assertEquals(List.of(), api.get("api/v1/sites", owner).expect(200).asList(SiteConfiguration.class));
    }

    @Test
    void aRefusedFieldIsNamedAndNothingChanges() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse support = api.openQueue(organization, 10);
        String owner = organization.ownerToken();
        SiteConfiguration site = api.post("api/v1/sites", owner, site("Shop", List.of(support.id()),
                List.of("https://shop.example.com"))).expect(201).as(SiteConfiguration.class);
        String path = "api/v1/sites/" + site.siteKey();

        assertRefused(api, path, owner, site("", List.of(), List.of()), "name");
        assertRefused(api, path, owner, withLanguage(site("Shop", List.of(), List.of()), "de"), "defaultLanguage");
        assertRefused(api, path, owner, site("Shop", List.of(), List.of("https://ok.example.com", "ftp://files.example.com")),
                "allowedOrigins[1]");
        assertRefused(api, path, owner, site("Shop", List.of(), List.of("https://shop.example.com/path")), "allowedOrigins[0]");
        assertRefused(api, path, owner, site("Shop", List.of(), List.of("not an origin")), "allowedOrigins[0]");
        assertRefused(api, path, owner, site("Shop", List.of("no-such-queue"), List.of()), "queueIds");
        assertRefused(api, path, owner, withAuto(site("Shop", List.of(), List.of()), support.id()), "autoQueueId");
        assertRefused(api, path, owner, withPre(site("Shop", List.of(), List.of()), List.of(
                new QuestionnaireField("topic", Map.of("fi", "Aihe"), "SELECT", true, List.of()))),
                "preQuestionnaire[0].options");
        assertRefused(api, path, owner, withPre(site("Shop", List.of(), List.of()), List.of(
                new QuestionnaireField("topic", Map.of("fi", "Aihe"), "SLIDER", true, List.of()))),
                "preQuestionnaire[0].type");
        assertRefused(api, path, owner, withPre(site("Shop", List.of(), List.of()), List.of(
                new QuestionnaireField("topic", Map.of("en", "Topic"), "TEXT", true, List.of()))),
                "preQuestionnaire[0].label.fi");
        assertRefused(api, path, owner, withPre(site("Shop", List.of(), List.of()), List.of(
                new QuestionnaireField("topic", Map.of("fi", "Aihe"), "RADIO", true, List.of(
                        new FieldOption("a", Map.of("fi", "A")), new FieldOption("a", Map.of("fi", "B")))))),
                "preQuestionnaire[0].options[1].value");
        assertEquals(site, api.get(path, owner).expect(200).as(SiteConfiguration.class), "nothing changed");
        assertEquals("validation_failed", api.post("api/v1/sites", owner, site("", List.of(), List.of()))
                .expect(400).problem().code());
        assertEquals(1, api.get("api/v1/sites", owner).expect(200).asList(SiteConfiguration.class).size(),
                "nothing created");
    }

    @Test
    void anotherOrganizationsSiteDoesNotExistForOperatorsAndAgentsMayNotManageSites() {
        Api api = api();
        Api.Organization mine = api.signUp();
        Api.Organization theirs = api.signUp();
        QueueResponse theirQueue = api.openQueue(theirs, 10);
        SiteConfiguration site = api.post("api/v1/sites", theirs.ownerToken(),
                site("Theirs", List.of(theirQueue.id()), List.of())).expect(201).as(SiteConfiguration.class);
        String path = "api/v1/sites/" + site.siteKey();

        assertEquals("site_not_found", api.get(path, mine.ownerToken()).expect(404).problem().code());
        assertEquals("site_not_found", api.put(path, mine.ownerToken(), site("Mine", List.of(), List.of()))
                .expect(404).problem().code());
        assertEquals("site_not_found", api.send("DELETE", path, mine.ownerToken()).expect(404).problem().code());
        assertEquals(List.of(), api.get("api/v1/sites", mine.ownerToken()).expect(200).asList(SiteConfiguration.class));
        // Their queue in my site: not a queue of my organization.
        assertEquals("queueIds", api.post("api/v1/sites", mine.ownerToken(),
                site("Mine", List.of(theirQueue.id()), List.of())).expect(400).problem().field());

        Api.Agent agent = api.agent(theirs);
        assertEquals("forbidden", api.get("api/v1/sites", agent.token()).expect(403).problem().code());
        assertEquals("forbidden", api.post("api/v1/sites", agent.token(), site("X", List.of(), List.of()))
                .expect(403).problem().code());
        assertEquals("forbidden", api.put(path, agent.token(), site("X", List.of(), List.of())).expect(403).problem().code());
        assertEquals(401, api.post("api/v1/sites", null, site("X", List.of(), List.of())).status());
    }

    @Test
    void anyoneReadsASiteInALanguageWithFallbacksAndOnlyItsQueuesInOrder() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse support = api.openQueue(organization, 10);
        QueueResponse billing = api.openQueue(organization, 10);
        QueueResponse hidden = api.openQueue(organization, 10);
        api.post("api/v1/queues/" + billing.id() + "/close", organization.ownerToken(), null).expect(200);
        api.request(support.id(), "Carla", "Hi");
        SiteConfiguration site = api.post("api/v1/sites", organization.ownerToken(), new SiteConfiguration(null, null,
                "Shop", "fi",
                Map.of("fi", new SiteTexts("Hei", "Tänään auki", "Suljettu", "Jonossa"),
                        "sv", new SiteTexts("Hej", null, null, null)),
                List.of(new QuestionnaireField("topic", Map.of("fi", "Aihe", "sv", "Ämne"), "SELECT", true, List.of(
                        new FieldOption("order", Map.of("fi", "Tilaus", "sv", "Beställning")),
                        new FieldOption("other", Map.of("fi", "Muu")))),
                        new QuestionnaireField("name", Map.of("fi", "Nimi"), "TEXT", false, null)),
                List.of(new QuestionnaireField("more", Map.of("fi", "Muuta?", "en", "Anything else?"), "TEXTAREA",
                        false, List.of())),
                List.of(billing.id(), support.id()), null, true, false, true, List.of()))
                .expect(201).as(SiteConfiguration.class);
        String path = "api/v1/sites/" + site.siteKey();

        SiteView swedish = api.get(path + "?lang=sv", null).expect(200).as(SiteView.class);
        assertEquals("sv", swedish.language());
        assertEquals(List.of("fi", "en", "sv"), swedish.languages());
        assertEquals(new SiteTexts("Hej", "Tänään auki", "Suljettu", "Jonossa"), swedish.texts(),
                "a text missing in Swedish comes in the default language");
        SiteQuestion topic = swedish.preQuestionnaire().get(0);
        assertEquals("Ämne", topic.label());
        assertEquals(List.of("Beställning", "Muu"), topic.options().stream().map(o -> o.label()).toList());
        assertEquals(List.of("order", "other"), topic.options().stream().map(o -> o.value()).toList());
        assertEquals("Nimi", swedish.preQuestionnaire().get(1).label());
        assertEquals(List.of(), swedish.preQuestionnaire().get(1).options());
        assertEquals("Muuta?", swedish.postQuestionnaire().get(0).label());
        assertEquals(List.of(billing.id(), support.id()), swedish.queues().stream().map(PublicQueueResponse::id).toList(),
                "only the site's queues, in its order");
        PublicQueueResponse supportView = swedish.queues().get(1);
        assertEquals("OPEN", supportView.state());
        assertEquals(1, supportView.length());
        assertEquals("CLOSED", swedish.queues().get(0).state());
        assertTrue(swedish.rating() && !swedish.attachments() && swedish.video());
        assertNull(swedish.autoQueueId());
        assertEquals(organization.id(), swedish.organizationId());

        SiteView english = api.get(path + "?lang=en", null).expect(200).as(SiteView.class);
        assertEquals("en", english.language());
        assertEquals("Hei", english.texts().welcome(), "no English texts: the default language's");
        assertEquals("Anything else?", english.postQuestionnaire().get(0).label());
        assertEquals("fi", api.get(path, null).expect(200).as(SiteView.class).language(), "no lang: the default");
        assertEquals("fi", api.get(path + "?lang=de", null).expect(200).as(SiteView.class).language(),
                "an unsupported lang: the default");
        assertTrue(!api.get(path, null).body().contains(hidden.id()), "a queue not on the site stays unseen");

        Problem unknown = api.get("api/v1/sites/no-such-site", null).expect(404).problem();
        assertEquals("site_not_found", unknown.code());
    }

    @Test
    void requestsAndContactsNameTheSiteTheyCameThrough() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Organization other = api.signUp();
        QueueResponse support = api.openQueue(organization, 10);
        QueueResponse offSite = api.openQueue(organization, 10);
        QueueResponse otherQueue = api.openQueue(other, 10);
        String key = api.post("api/v1/sites", organization.ownerToken(), site("Shop", List.of(support.id()), List.of()))
                .expect(201).as(SiteConfiguration.class).siteKey();
        String otherKey = api.post("api/v1/sites", other.ownerToken(), site("Other", List.of(otherQueue.id()), List.of()))
                .expect(201).as(SiteConfiguration.class).siteKey();

        CustomerRequestResponse carla = api.post("api/v1/queues/" + support.id() + "/requests", null,
                new CustomerRequest("Carla", "Hi", null, null, null, key)).expect(201).as(CustomerRequestResponse.class);
        assertEquals("REQUESTED", api.get("api/v1/audiences/" + carla.audienceId(), carla.customerToken())
                .expect(200).as(AudienceResponse.class).state());
        assertEquals("queue_not_on_site", api.post("api/v1/queues/" + offSite.id() + "/requests", null,
                new CustomerRequest("Dave", null, null, null, null, key)).expect(400).problem().code());
        assertEquals("site_not_found", api.post("api/v1/queues/" + support.id() + "/requests", null,
                new CustomerRequest("Erin", null, null, null, null, otherKey)).expect(404).problem().code());
        assertEquals("site_not_found", api.post("api/v1/queues/" + support.id() + "/requests", null,
                new CustomerRequest("Erin", null, null, null, null, "no-such-site")).expect(404).problem().code());

        api.post("api/v1/queues/" + support.id() + "/contacts", null,
                new ContactRequest("Frank", "frank@example.com", null, "Call me", null, key)).expect(201);
        assertEquals("queue_not_on_site", api.post("api/v1/queues/" + offSite.id() + "/contacts", null,
                new ContactRequest("Frank", "frank@example.com", null, "Call me", null, key)).expect(400).problem().code());
        assertEquals("site_not_found", api.post("api/v1/queues/" + support.id() + "/contacts", null,
                new ContactRequest("Frank", "frank@example.com", null, "Call me", null, otherKey)).expect(404)
                .problem().code());
    }

    /** The run command's demo (the suite's server runs with CAREQUEUE_DEMO=true, as ./run.sh does). */
    @Test
    void theDemoOrganizationHasTheDemoPagesSite() {
        Api api = api();
        SiteView swedish = api.get("api/v1/sites/demo?lang=sv", null).expect(200).as(SiteView.class);
        assertEquals(List.of("Support", "Billing"), swedish.queues().stream().map(PublicQueueResponse::name).toList());
        assertEquals(List.of("name", "topic"), swedish.preQuestionnaire().stream().map(SiteQuestion::name).toList());
        assertEquals("SELECT", swedish.preQuestionnaire().get(1).type());
        assertTrue(swedish.preQuestionnaire().get(0).required() && swedish.preQuestionnaire().get(1).required());
        assertEquals("TEXTAREA", swedish.postQuestionnaire().get(0).type());
        assertTrue(swedish.texts().welcome().startsWith("Hej"), swedish.texts().welcome());
        assertTrue(swedish.rating() && swedish.attachments() && !swedish.video());
        assertEquals("Hi! How can we help?", api.get("api/v1/sites/demo?lang=en", null).expect(200)
                .as(SiteView.class).texts().welcome());
        api.from("http://localhost:8080").get("api/v1/sites/demo", null).expect(200);
        api.from("http://127.0.0.1:8080").get("api/v1/sites/demo", null).expect(200);
    }

    private static void assertRefused(Api api, String path, String token, SiteConfiguration body, String field) {
        Problem problem = api.put(path, token, body).expect(400).problem();
        assertEquals("validation_failed", problem.code(), problem.detail());
        assertEquals(field, problem.field(), problem.detail());
    }

    static SiteConfiguration site(String name, List<String> queueIds, List<String> origins) {
        return new SiteConfiguration(null, null, name, "fi",
                Map.of("fi", new SiteTexts("Hei", null, "Suljettu", null), "en", new SiteTexts("Hi", null, null, null)),
                List.of(new QuestionnaireField("name", Map.of("fi", "Nimi", "en", "Name"), "TEXT", true, List.of())),
                List.of(), queueIds, null, true, true, false, origins);
    }

    private static SiteConfiguration withAuto(SiteConfiguration s, String autoQueueId) {
        return new SiteConfiguration(s.siteKey(), s.organizationId(), s.name(), s.defaultLanguage(), s.texts(),
                s.preQuestionnaire(), s.postQuestionnaire(), s.queueIds(), autoQueueId, s.rating(), s.attachments(),
                s.video(), s.allowedOrigins());
    }

    private static SiteConfiguration withLanguage(SiteConfiguration s, String language) {
        return new SiteConfiguration(s.siteKey(), s.organizationId(), s.name(), language, s.texts(),
                s.preQuestionnaire(), s.postQuestionnaire(), s.queueIds(), s.autoQueueId(), s.rating(), s.attachments(),
                s.video(), s.allowedOrigins());
    }

    private static SiteConfiguration withPre(SiteConfiguration s, List<QuestionnaireField> pre) {
        return new SiteConfiguration(s.siteKey(), s.organizationId(), s.name(), s.defaultLanguage(), s.texts(),
                pre, s.postQuestionnaire(), s.queueIds(), s.autoQueueId(), s.rating(), s.attachments(),
                s.video(), s.allowedOrigins());
    }
}
