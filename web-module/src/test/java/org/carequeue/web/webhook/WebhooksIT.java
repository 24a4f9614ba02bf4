package org.carequeue.web.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookDeliveryResponse;
import org.carequeue.api.webhook.WebhookEnabledRequest;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a receiver on loopback: signed deliveries with the event's id, an audience's
 * events in order while the receiver fails at first, retries recorded in the delivery log, and
 * subscriptions that only their organization's operators see and change.
 */
class WebhooksIT extends AgainstBuiltWar {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> AUDIENCE_EVENTS = List.of("audience.requested", "audience.accepted",
            "audience.dropped", "audience.transferred", "audience.finished", "audience.complete");

    @Test
    void deliveriesAreSignedOverTimestampAndBodyAndNameTheirEvent() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NewWebhookSubscriptionResponse created = subscribe(api, organization, receiver,
                    List.of("queue.opened", "audience.requested", "contact.registered"));
            assertTrue(created.secret().matches("whsec_[A-Za-z0-9_-]{43}"), created.secret());
            String listed = api.get("api/v1/webhooks", organization.ownerToken()).expect(200).body();
            assertTrue(listed.contains(created.subscription().id()));
            assertFalse(listed.contains(created.secret()), "the secret is shown only at creation");

            QueueResponse queue = api.openQueue(organization, 10);
            CustomerRequestResponse carla = api.request(queue.id(), "Carla", "Hello");
            api.post("api/v1/queues/" + queue.id() + "/contacts", null,
                    new ContactRequest("Frank", "frank@example.com", null, "Call me back", null)).expect(201);

            List<WebhookReceiver.Received> got = receiver.await(all -> all.size() >= 3, WAIT, "three events");
            assertEquals(3, got.size(), "each event once");
            for (WebhookReceiver.Received delivery : got) {
                delivery.assertSignedWith(created.secret());
                JsonObject event = delivery.json();
                assertEquals(organization.id(), event.getString("organizationId"));
                assertTrue(event.getString("occurredAt").endsWith("Z"), event.getString("occurredAt"));
                assertEquals(queue.id(), event.getJsonObject("data").getString("queueId"));
            }
            WebhookReceiver.Received requested = only(got, "audience.requested");
            assertEquals(carla.audienceId(), requested.json().getJsonObject("data").getString("audienceId"));
            assertEquals("Carla", requested.json().getJsonObject("data").getString("customerName"));
            assertEquals("frank@example.com", only(got, "contact.registered").json().getJsonObject("data").getString("email"));
            assertFalse(only(got, "queue.opened").json().getJsonObject("data").getBoolean("bySchedule"));
            assertEquals(3, got.stream().map(WebhookReceiver.Received::id).distinct().count());

            // What a receiver must refuse: another body, or the same body under another timestamp.
            byte[] signed = HexFormat.of().parseHex(requested.signature().substring(3));
            assertNotEquals(HexFormat.of().formatHex(signed), HexFormat.of().formatHex(
                    WebhookReceiver.hmac(created.secret(), requested.timestamp() + "." + requested.body() + " ")));
            assertNotEquals(HexFormat.of().formatHex(signed), HexFormat.of().formatHex(
                    WebhookReceiver.hmac(created.secret(), (Long.parseLong(requested.timestamp()) - 1) + "." + requested.body())));

            List<WebhookDeliveryResponse> log = deliveries(api, organization, created, 3);
            for (WebhookDeliveryResponse delivery : log) {
                assertEquals("DELIVERED", delivery.status());
                assertEquals(200, delivery.responseStatus());
                assertEquals(1, delivery.attempts());
                assertEquals("thanks", delivery.responseExcerpt());
            }
        }
    }

    @Test
    void anAudiencesEventsArriveInOrderWhileTheReceiverFailsAtFirstAndRetriesBackOff() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, ann);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NewWebhookSubscriptionResponse created = subscribe(api, organization, receiver, AUDIENCE_EVENTS);
            receiver.failNext(3, 500);

            CustomerRequestResponse carla = api.request(queue.id(), "Carla", "My invoice");
            api.post("api/v1/audiences/" + carla.audienceId() + "/messages", carla.customerToken(),
                    new PostMessageRequest("c1", "It is wrong")).expect(201);
            api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
            api.post("api/v1/audiences/" + carla.audienceId() + "/end-and-hide", ann.token(), null).expect(200);

            receiver.await(all -> all.stream().filter(r -> r.status() == 200).count() >= 4, WAIT, "four events answered");
            List<WebhookReceiver.Received> accepted = receiver.accepted();
            assertEquals(List.of("audience.requested", "audience.accepted", "audience.finished", "audience.complete"),
                    accepted.stream().map(WebhookReceiver.Received::type).toList());
            accepted.forEach(delivery -> delivery.assertSignedWith(created.secret()));

            // The first event was tried four times before anything later went out, each time signed anew.
            List<WebhookReceiver.Received> all = receiver.received();
            String requestedId = accepted.get(0).id();
            assertEquals(List.of(500, 500, 500, 200), all.subList(0, 4).stream().map(WebhookReceiver.Received::status).toList());
            assertTrue(all.subList(0, 4).stream().allMatch(r -> r.id().equals(requestedId)), "retries of one event first");
            all.subList(0, 4).forEach(delivery -> delivery.assertSignedWith(created.secret()));
            Duration retrying = Duration.between(all.get(0).at(), all.get(3).at());
            assertTrue(retrying.toMillis() >= 6_000, "backoff of 1, 2 and 4 s, but the retries took " + retrying);

            JsonObject transcript = accepted.get(3).json().getJsonObject("data").getJsonObject("transcript");
            assertEquals("Carla", transcript.getString("customerName"));
            assertTrue(transcript.getJsonArray("messages").toString().contains("It is wrong"), transcript.toString());

            List<WebhookDeliveryResponse> log = deliveries(api, organization, created, 4);
            WebhookDeliveryResponse first = log.get(log.size() - 1);
            assertEquals("audience.requested", first.type());
            assertEquals(requestedId, first.eventId());
            assertEquals(4, first.attempts());
            assertEquals("DELIVERED", first.status());
            assertEquals(200, first.responseStatus());
        }
    }

    @Test
    void onlyTheOrganizationsOperatorsSeeAndChangeItsWebhooks() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        Api.Organization other = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10, ann);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NewWebhookSubscriptionResponse created = subscribe(api, organization, receiver, List.of("queue.closed"));
            String hook = "api/v1/webhooks/" + created.subscription().id();

            assertEquals("forbidden", api.get("api/v1/webhooks", ann.token()).expect(403).problem().code());
            assertEquals("webhook_not_found", api.get(hook, other.ownerToken()).expect(404).problem().code());
            assertEquals("webhook_not_found", api.get(hook + "/deliveries", other.ownerToken()).expect(404).problem().code());
            assertEquals("webhook_not_found", api.post(hook + "/test", other.ownerToken(), null).expect(404).problem().code());
            assertEquals("webhook_not_found", api.send("DELETE", hook, other.ownerToken()).expect(404).problem().code());
            assertEquals("url", api.post("api/v1/webhooks", organization.ownerToken(),
                    new WebhookSubscriptionRequest("ftp://127.0.0.1/hook", List.of("queue.closed"))).expect(400).problem().field());
            assertEquals("events", api.post("api/v1/webhooks", organization.ownerToken(),
                    new WebhookSubscriptionRequest(receiver.url(), List.of("audience.eaten"))).expect(400).problem().field());

            // Disabled: the queue's closing is not even queued for it.
            api.put(hook + "/enabled", organization.ownerToken(), new WebhookEnabledRequest(false)).expect(200);
            api.post("api/v1/queues/" + queue.id() + "/close", ann.token(), null).expect(200);
            api.put(hook + "/enabled", organization.ownerToken(), new WebhookEnabledRequest(true)).expect(200);
            WebhookDeliveryResponse test = api.post(hook + "/test", organization.ownerToken(), null).expect(202)
                    .as(WebhookDeliveryResponse.class);
            assertEquals("test", test.type());
            WebhookReceiver.Received got = receiver.await(all -> !all.isEmpty(), WAIT, "the test event").get(0);
            assertEquals("test", got.type());
            got.assertSignedWith(created.secret());
            List<WebhookDeliveryResponse> log = deliveries(api, organization, created, 1);
            assertEquals(List.of("test"), log.stream().map(WebhookDeliveryResponse::type).toList());

            api.send("DELETE", hook, organization.ownerToken()).expect(204);
            assertEquals("webhook_not_found", api.get(hook, organization.ownerToken()).expect(404).problem().code());
        }
    }

    private static NewWebhookSubscriptionResponse subscribe(Api api, Api.Organization organization,
                                                            WebhookReceiver receiver, List<String> events) {
        return api.post("api/v1/webhooks", organization.ownerToken(), new WebhookSubscriptionRequest(receiver.url(), events))
                .expect(201).as(NewWebhookSubscriptionResponse.class);
    }

    /** The delivery log once every delivery in it is settled (the outcome is written just after the answer). */
    private static List<WebhookDeliveryResponse> deliveries(Api api, Api.Organization organization,
                                                            NewWebhookSubscriptionResponse subscription, int count)
            throws InterruptedException {
        String path = "api/v1/webhooks/" + subscription.subscription().id() + "/deliveries";
        for (int i = 0; i < 100; i++) {
            List<WebhookDeliveryResponse> log = api.get(path, organization.ownerToken()).expect(200)
                    .asList(WebhookDeliveryResponse.class);
            if (log.size() == count && log.stream().allMatch(d -> d.status().equals("DELIVERED"))) {
                return log;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The log of " + path + " did not settle: "
                + api.get(path, organization.ownerToken()).body());
    }

    private static WebhookReceiver.Received only(List<WebhookReceiver.Received> received, String type) {
        List<WebhookReceiver.Received> ofType = received.stream().filter(r -> r.type().equals(type)).toList();
        assertEquals(1, ofType.size(), type + " in " + received);
        return ofType.get(0);
    }
}
