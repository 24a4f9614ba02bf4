package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * JSON cut off inside a field CareQueue does not know ({"x":{) made JSON-B loop for ever, one
 * server thread per request or frame, with no sign-in needed (found by fuzzing the socket's frame
 * parser). Both ways in now refuse it at once.
 */
class CutOffJsonIT extends AgainstBuiltWar {

    private static final String CUT_OFF = "{\"name\":\"Carl\",\"x\":{\"y\":[";

    @Test
    void aRequestBodyCutOffInsideAnUnknownFieldIsA400() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);

        Api.Reply reply = CompletableFuture.supplyAsync(() -> api.postRaw("api/v1/queues/" + queue.id() + "/requests",
                null, "application/json", CUT_OFF)).get(30, TimeUnit.SECONDS);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("validation_failed", reply.problem().code());
    }

    @Test
    void aSocketFrameCutOffInsideAnUnknownFieldIsRefusedAndTheSocketGoesOn() {
        Api api = api();
        try (ChatSocket socket = ChatSocket.connect(api)) {
            socket.send(jakarta.json.Json.createObjectBuilder().build());   // {} : no type
            assertEquals("validation_failed", socket.next("error").getString("code"));
            socket.sendText("{\"type\":\"auth\",\"x\":{");
            JsonObject refused = socket.next("error");
            assertEquals("validation_failed", refused.getString("code"));
            assertEquals("Frames are JSON objects", refused.getString("detail"));
            socket.send(jakarta.json.Json.createObjectBuilder().add("type", "resume").build());
            assertEquals("not_authenticated", socket.next("error").getString("code"), "the socket still reads frames");
        }
    }
}
