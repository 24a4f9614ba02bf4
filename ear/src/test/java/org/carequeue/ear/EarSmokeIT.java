package org.carequeue.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.session.MeResponse;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the EAR on a full Payara Server, which the build starts with the EAR deployed and
 * the demo organization on an embedded H2 ({@code src/test/payara-server.sh}) and stops afterwards.
 * It proves the EAR's packaging on that server: business code and libraries in the EAR, REST,
 * the chat socket and Faces pages in the skinny WAR.
 */
class EarSmokeIT {

    private static Api api;

    @BeforeAll
    static void deployedServer() throws IOException {
        String baseUrl = Files.readString(Path.of(System.getProperty("carequeue.ear.baseUrlFile"))).strip();
        api = new Api(URI.create(baseUrl).toURL());
    }

    @Test
    void customerRequestPickMessagesAndEnd() {
        String alice = api.post("api/v1/sessions", null, new SignInRequest("alice", "demo"))
                .expect(201).as(SessionResponse.class).token();
        QueueResponse support = api.get("api/v1/me", alice).expect(200).as(MeResponse.class).queues().stream()
                .filter(queue -> queue.name().equals("Support")).findFirst().orElseThrow();
        CustomerRequestResponse request = api.request(support.id(), "Dana", "My invoice is wrong");

        try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, alice)) {
            api.post("api/v1/queues/" + support.id() + "/pick", alice, new PickRequest(request.audienceId()))
                    .expect(200);
            assertEquals("ACCEPTED", customer.next("state").getString("state"));
            assertEquals("ACCEPTED", desk.next("state").getString("state"));

            api.post("api/v1/audiences/" + request.audienceId() + "/messages", alice,
                    new PostMessageRequest("alice-1", "Hi Dana, let me check.")).expect(201);
            assertEquals("Hi Dana, let me check.", customer.next("message").getString("text"));
            desk.next("message");
            customer.sendMessage("dana-1", "Thank you!");
            // Dana's own message and its sent ack, in either order.
            customer.next();
            customer.next();
            assertEquals("Thank you!", desk.next("message").getString("text"));

            AudienceResponse ended = api.post("api/v1/audiences/" + request.audienceId() + "/end", alice, null)
                    .expect(200).as(AudienceResponse.class);
            assertEquals("FINISHED", ended.state());
            assertEquals("FINISHED", customer.next("state").getString("state"));
        }

        List<String> transcript = api.get("api/v1/audiences/" + request.audienceId() + "/messages",
                        request.customerToken())
                .expect(200).asList(MessageResponse.class).stream().map(MessageResponse::text).toList();
        assertEquals(List.of("My invoice is wrong", "Hi Dana, let me check.", "Thank you!"), transcript);
    }

    @Test
    void signInPageRendersWithPrimeFaces() {
        String page = api.get("signin.xhtml", null).expect(200).body();
        assertTrue(page.contains("<form id=\"signin\""), page);

        // PrimeFaces stays in the skinny WAR: its script must be served from there.
        Matcher script = Pattern.compile("src=\"/(jakarta\\.faces\\.resource/core\\.js\\.xhtml\\?ln=primefaces[^\"]*)\"")
                .matcher(page);
        assertTrue(script.find(), page);
        String core = api.get(script.group(1).replace("&amp;", "&"), null).expect(200).body();
        assertTrue(core.contains("PrimeFaces"), "core.js of PrimeFaces");
    }
}
