package org.carequeue.web.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * A waiting customer's estimated wait comes from the queue's recent picks: none before five
 * picks, then in the audience ({@code etaSeconds}) and in the socket's {@code queue} frames.
 */
class WaitEstimateIT extends AgainstBuiltWar {

    @Test
    void noEstimateWithoutHistoryThenOneFromThePicks() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 50, ann);
        for (int i = 0; i < 4; i++) {
            api.request(queue.id(), "Early " + i, "Hi");
            api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
        }
        CustomerRequestResponse carla = api.request(queue.id(), "Carla", "Hi");
        CustomerRequestResponse dave = api.request(queue.id(), "Dave", "Hi");
        AudienceResponse daveWaiting = status(api, dave);
        assertEquals(2, daveWaiting.position());
        assertNull(daveWaiting.etaSeconds(), "four picks are not enough history");

        // The fifth pick (Carla): now there is history, and Dave's socket hears his new place with it.
        try (ChatSocket socket = ChatSocket.authenticated(api, dave.customerToken())) {
            JsonObject ready = socket.ready();
            assertEquals(2, ready.getInt("position"));
            assertTrue(!ready.containsKey("etaSeconds") || ready.isNull("etaSeconds"), ready.toString());
            api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
            JsonObject place = socket.next("queue");
            assertEquals(1, place.getInt("position"));
            assertTrue(place.containsKey("etaSeconds") && !place.isNull("etaSeconds"), place.toString());
            int eta = place.getInt("etaSeconds");
            // Picks moments apart: about a second a place, at least one.
            assertTrue(eta >= 1 && eta < 120, "eta " + eta);

            AudienceResponse daveNext = status(api, dave);
            assertEquals(1, daveNext.position());
            assertNotNull(daveNext.etaSeconds());
            CustomerRequestResponse erin = api.request(queue.id(), "Erin", "Hi");
            AudienceResponse erinWaiting = status(api, erin);
            assertEquals(2, erinWaiting.position());
            assertTrue(erinWaiting.etaSeconds() >= daveNext.etaSeconds(), "further back, a longer wait");
            try (ChatSocket erinSocket = ChatSocket.authenticated(api, erin.customerToken())) {
                JsonObject erinReady = erinSocket.ready();
                assertEquals(2, erinReady.getInt("position"));
                // Computed again at auth: the last pick's gap has grown since, so never less.
                assertTrue(erinReady.getInt("etaSeconds") >= erinWaiting.etaSeconds(), erinReady.toString());
            }
        }
        assertNull(status(api, carla).etaSeconds(), "picked: no estimate");
    }

    private static AudienceResponse status(Api api, CustomerRequestResponse customer) {
        return api.get("api/v1/audiences/" + customer.audienceId(), customer.customerToken()).expect(200)
                .as(AudienceResponse.class);
    }
}
