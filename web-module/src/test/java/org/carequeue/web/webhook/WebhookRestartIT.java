package org.carequeue.web.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.MicroProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events whose deliveries have not succeeded survive a crash: a node of its own, on a database of
 * its own, is killed with SIGKILL while the receiver still refuses them, and after a restart on
 * the same database they arrive, signed as before.
 */
@ExtendWith(DatabaseUnderTest.class)
class WebhookRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void undeliveredEventsArriveAfterTheNodeWasKilledAndStartedAgain() throws Exception {
        // A database the shared suite server does not use (its sender would deliver meanwhile): in the
        // PostgreSQL pass a schema next to the pass's own, on H2 the node's own file as the run command makes it.
        Map<String, String> environment = "postgresql".equals(System.getProperty("carequeue.it.database"))
                ? Map.of("CAREQUEUE_DB_URL", DatabaseUnderTest.ownPostgreSqlSchema("webhooks")) : Map.of();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(Integer.MAX_VALUE, 503);
            MicroProcess node = MicroProcess.start("webhook-restart", environment, List.of("--nocluster"));
            NewWebhookSubscriptionResponse created;
            QueueResponse queue;
            CustomerRequestResponse carla;
            try {
                Api api = new Api(node.base().toURI().toURL());
                Api.Organization organization = api.signUp();
                created = api.post("api/v1/webhooks", organization.ownerToken(), new WebhookSubscriptionRequest(
                        receiver.url(), List.of("queue.opened", "audience.requested")))
                        .expect(201).as(NewWebhookSubscriptionResponse.class);
                queue = api.openQueue(organization, 10);
                carla = api.request(queue.id(), "Carla", "Hello");
                receiver.await(all -> types(all).containsAll(Set.of("queue.opened", "audience.requested")), WAIT,
                        "a refused attempt of each event");
            } finally {
                node.kill();
            }

            receiver.failNext(0, 503);
            MicroProcess restarted = node.startAgain();
            try {
                receiver.await(all -> types(accepted(all)).containsAll(Set.of("queue.opened", "audience.requested")),
                        WAIT, "both events accepted after the restart");
            } finally {
                restarted.close();
            }
            for (WebhookReceiver.Received delivery : accepted(receiver.received())) {
                delivery.assertSignedWith(created.secret());
            }
            WebhookReceiver.Received requested = accepted(receiver.received()).stream()
                    .filter(r -> r.type().equals("audience.requested")).findFirst().orElseThrow();
            assertEquals(carla.audienceId(), requested.json().getJsonObject("data").getString("audienceId"));
            assertEquals(queue.id(), requested.json().getJsonObject("data").getString("queueId"));
            assertTrue(receiver.received().stream().filter(r -> r.id().equals(requested.id())).count() >= 2,
                    "refused before the crash, accepted after it, under the same event id");
        }
    }

    private static List<WebhookReceiver.Received> accepted(List<WebhookReceiver.Received> all) {
        return all.stream().filter(r -> r.status() == 200).toList();
    }

    private static Set<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::type).collect(Collectors.toSet());
    }
}
