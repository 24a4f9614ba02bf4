package org.carequeue.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.agent.AgentSignedOut;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.Sender;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceCompleted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFeedbackGiven;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.message.MessagePosted;
import org.carequeue.web.chat.PeerSignal;
import org.junit.jupiter.api.Test;

/**
 * The text pushes take between nodes. A node's own pushes never take it, so without this only a
 * test with two nodes would find a relayed record that does not come back from its JSON whole.
 */
class ClusterRelayTest {

    private static final List<Object> ONE_OF_EACH = List.of(
            new MessagePosted("a1", "q1", "g1", new MessageResponse(7, "a1", new Sender("CUSTOMER", "Cleo \"C\"\nsmith"),
                    "Hi ✓ 😀", "c-1", "2026-12-06T03:00:00Z",
                    new AttachmentResponse("f1", "photo.png", 1234, "image/png", "/api/f1", "/api/f1/thumbnail"))),
            new MessagePosted("a1", "q1", null, new MessageResponse(8, "a1", new Sender("AGENT", "Ann"), "Hello",
                    "c-2", "2026-12-06T03:00:01Z", null)),
            new AudienceAccepted("a1", "q1", "o1", "g1", "Ann", Set.of("g1", "g2")),
            new AudienceDropped("a1", "q1", "o1"),
            new AudienceFinished("a1", "q1", "o1", "g1"),
            new AgentSignedOut("g1", "hash"),
            new AgentRemoved("g1", "o1"),
            new DeskSignal(List.of("g1", "g2"), "{\"kind\":\"queue\",\"queueId\":\"q1\"}"),
            new PeerSignal("a1", "g1", "customer", "{\"type\":\"typing\"}"),
            new AudienceTransferred("a1", "q1", "q2", "o1", "g1"),
            new AudienceCompleted("a1", "q1", "g1"),
            new AudienceFeedbackGiven("a1", "g1"),
            new DashboardSignal("o1"));

    @Test
    void everyRelayedRecordComesBackWholeFromItsText() {
        for (Object event : ONE_OF_EACH) {
            assertEquals(event, ClusterRelay.fromText(ClusterRelay.toText(event)));
        }
    }

    @Test
    void theSamplesCoverEveryRelayedType() {
        Set<Class<?>> sampled = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.copyOf(ClusterRelay.RELAYED.values()), sampled);
    }

    @Test
    void aTypeThisNodeDoesNotRelayIsNoPush() {
        assertNull(ClusterRelay.fromText("Envelope\n{}"));
        assertNull(ClusterRelay.fromText("no type line"));
    }
}
