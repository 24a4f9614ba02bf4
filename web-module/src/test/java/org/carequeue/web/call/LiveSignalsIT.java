package org.carequeue.web.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typing and video call signalling over real chat sockets: relayed to the other participant of a
 * live audience only, never stored, and refused (with a stable code) to anyone else, in an audience
 * that is not live, or when the queue's video setting does not let that side start a call.
 */
class LiveSignalsIT extends AgainstBuiltWar {

    private static final Duration QUIET = Duration.ofMillis(800);

    Api api;
    Api.Organization organization;
    Api.Agent agent;
    Api.Agent colleague;
    QueueResponse queue;

    @BeforeEach
    void anOpenQueueWithTwoAgents() {
        api = api();
        organization = api.signUp();
        agent = api.agent(organization);
        colleague = api.agent(organization);
        queue = api.openQueue(organization, 50, agent, colleague);
    }

    @Test
    void typingGoesToTheOtherSideOnlyBothWaysAndIsNotStored() throws Exception {
        CustomerRequestResponse carl = api.request(queue.id(), "Carl", "Hello");
        CustomerRequestResponse dora = api.request(queue.id(), "Dora", "Hi");
        pick(carl, agent);
        pick(dora, agent);
        try (ChatSocket customer = ChatSocket.authenticated(api, carl.customerToken());
             ChatSocket otherCustomer = ChatSocket.authenticated(api, dora.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, agent.token());
             ChatSocket colleagueDesk = ChatSocket.authenticated(api, colleague.token())) {
            customer.send(typing(null, true));
            JsonObject atDesk = desk.next("typing");
            assertEquals(carl.audienceId(), atDesk.getString("audienceId"));
            assertTrue(atDesk.getBoolean("on"));
            assertEquals("customer", atDesk.getJsonObject("from").getString("role"));
            assertEquals("Carl", atDesk.getJsonObject("from").getString("name"));

            desk.send(typing(carl.audienceId(), true));
            JsonObject atCustomer = customer.next("typing");
            assertEquals("agent", atCustomer.getJsonObject("from").getString("role"));
            assertEquals(agent.name(), atCustomer.getJsonObject("from").getString("name"));
            desk.send(typing(carl.audienceId(), false));
            assertFalse(customer.next("typing").getBoolean("on"));

            assertEquals(List.of(), customer.drain(QUIET), "the sender does not hear itself");
            assertEquals(List.of(), desk.drain(QUIET));
            assertEquals(List.of(), otherCustomer.drain(QUIET), "another audience hears nothing");
            assertEquals(List.of(), colleagueDesk.drain(QUIET), "another agent hears nothing");

            List<MessageResponse> stored = api.get("api/v1/audiences/" + carl.audienceId() + "/messages?since=0",
                    carl.customerToken()).expect(200).asList(MessageResponse.class);
            assertEquals(List.of("Hello"), stored.stream().map(MessageResponse::text).toList(),
                    "typing leaves no message behind");
        }
    }

    @Test
    void aCallIsSignalledBetweenTheTwoParticipantsAndTheChatGoesOnAfterTheHangUp() throws Exception {
        allowCalls("AGENT", true);
        CustomerRequestResponse carl = api.request(queue.id(), "Carl", "Can we talk?");
        CustomerRequestResponse dora = api.request(queue.id(), "Dora", "Hi");
        pick(carl, agent);
        pick(dora, agent);
        try (ChatSocket customer = ChatSocket.authenticated(api, carl.customerToken());
             ChatSocket otherCustomer = ChatSocket.authenticated(api, dora.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, agent.token())) {
            assertTrue(customer.ready().getJsonArray("iceServers").isEmpty(), "none configured: loopback needs none");

            desk.send(rtc(carl.audienceId(), "call").build());
            JsonObject call = customer.next("rtc");
            assertEquals("call", call.getString("signal"));
            assertEquals(carl.audienceId(), call.getString("audienceId"));
            assertEquals(agent.name(), call.getJsonObject("from").getString("name"));

            customer.send(rtc(null, "pick-up").build());
            assertEquals("pick-up", desk.next("rtc").getString("signal"));

            String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
            desk.send(rtc(carl.audienceId(), "offer").add("sdp", sdp).build());
            JsonObject offer = customer.next("rtc");
            assertEquals("offer", offer.getString("signal"));
            assertEquals(sdp, offer.getString("sdp"));

            customer.send(rtc(null, "answer").add("sdp", sdp).add("candidate", "not for an answer").build());
            JsonObject answer = desk.next("rtc");
            assertEquals(sdp, answer.getString("sdp"));
            assertFalse(answer.containsKey("candidate") && !answer.isNull("candidate"),
                    "only the fields of the signal are relayed");

            String candidate = "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host";
            customer.send(rtc(null, "ice-candidate").add("candidate", candidate).add("sdpMid", "0")
                    .add("sdpMLineIndex", 0).build());
            JsonObject ice = desk.next("rtc");
            assertEquals(candidate, ice.getString("candidate"));
            assertEquals("0", ice.getString("sdpMid"));
            assertEquals(0, ice.getInt("sdpMLineIndex"));

            customer.send(rtc(null, "hang-up").build());
            assertEquals("hang-up", desk.next("rtc").getString("signal"));

            assertEquals(List.of(), otherCustomer.drain(QUIET), "another audience of the agent hears nothing");
            assertEquals(List.of(), customer.drain(QUIET), "the sender does not hear itself");

            customer.sendMessage("after-call", "Thanks for the call");
            assertEquals("Thanks for the call", desk.until("message").getString("text"),
                    "hanging up does not end the chat");
        }
    }

    @Test
    void callsAreRefusedWhereTheQueueSettingDoesNotAllowTheirSide() throws Exception {
        CustomerRequestResponse carl = api.request(queue.id(), "Carl", "Hello");
        pick(carl, agent);
        try (ChatSocket customer = ChatSocket.authenticated(api, carl.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, agent.token())) {
            desk.send(rtc(carl.audienceId(), "call").build());
            assertEquals("call_not_allowed", desk.next("error").getString("code"), "nobody may call by default");
            customer.send(rtc(null, "call").build());
            assertEquals("call_not_allowed", customer.next("error").getString("code"));

            allowCalls("AGENT", false);
            customer.send(rtc(null, "call").build());
            assertEquals("call_not_allowed", customer.next("error").getString("code"));
            customer.send(rtc(null, "offer").add("sdp", "v=0").build());
            assertEquals("call_not_allowed", customer.next("error").getString("code"),
                    "an offer starts a call too");
            assertEquals(List.of(), desk.drain(QUIET), "nothing refused reaches the agent");

            allowCalls("CUSTOMER", null);
            desk.send(rtc(carl.audienceId(), "call").build());
            assertEquals("call_not_allowed", desk.next("error").getString("code"));
            customer.send(rtc(null, "call").build());
            assertEquals("call", desk.next("rtc").getString("signal"));
            assertEquals(List.of(), customer.drain(QUIET), "nothing refused reaches the customer");
        }
    }

    @Test
    void onlyTheParticipantsOfALiveAudienceMaySendSignals() throws Exception {
        allowCalls("BOTH", true);
        Api.Organization otherOrganization = api.signUp();
        Api.Agent outsider = api.agent(otherOrganization);
        CustomerRequestResponse carl = api.request(queue.id(), "Carl", "Hello");
        CustomerRequestResponse dora = api.request(queue.id(), "Dora", "Still waiting");
        try (ChatSocket waiting = ChatSocket.authenticated(api, carl.customerToken())) {
            waiting.send(typing(null, true));
            assertEquals("audience_not_live", waiting.next("error").getString("code"),
                    "a customer still in line has nobody to type to");
        }
        pick(carl, agent);
        try (ChatSocket customer = ChatSocket.authenticated(api, carl.customerToken());
             ChatSocket doraSocket = ChatSocket.authenticated(api, dora.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, agent.token());
             ChatSocket colleagueDesk = ChatSocket.authenticated(api, colleague.token());
             ChatSocket outsiderDesk = ChatSocket.authenticated(api, outsider.token())) {
            colleagueDesk.send(typing(carl.audienceId(), true));
            assertEquals("not_held_by_you", colleagueDesk.next("error").getString("code"));
            colleagueDesk.send(rtc(carl.audienceId(), "call").build());
            assertEquals("not_held_by_you", colleagueDesk.next("error").getString("code"));
            outsiderDesk.send(rtc(carl.audienceId(), "call").build());
            assertEquals("audience_not_found", outsiderDesk.next("error").getString("code"));
            doraSocket.send(typing(carl.audienceId(), true));
            assertEquals("audience_not_found", doraSocket.next("error").getString("code"),
                    "a customer cannot type into another audience");
            desk.send(typing(null, true));
            assertEquals("audience_not_found", desk.next("error").getString("code"), "agents name the audience");
            assertEquals(List.of(), customer.drain(QUIET), "nothing of theirs reached the customer");

            api.post("api/v1/audiences/" + carl.audienceId() + "/end", agent.token(), null).expect(200);
            customer.until("state");
            customer.send(typing(null, true));
            assertEquals("audience_not_live", customer.next("error").getString("code"));
            desk.until("state");
            desk.send(rtc(carl.audienceId(), "call").build());
            assertEquals("audience_not_live", desk.next("error").getString("code"));
        }
    }

    @Test
    void malformedOrOversizedSignalsAreRefusedAndGoNowhere() throws Exception {
        allowCalls("BOTH", false);
        CustomerRequestResponse carl = api.request(queue.id(), "Carl", "Hello");
        pick(carl, agent);
        try (ChatSocket customer = ChatSocket.authenticated(api, carl.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, agent.token())) {
            customer.send(Json.createObjectBuilder().add("type", "typing").build());
            assertEquals("validation_failed", customer.next("error").getString("code"), "typing says on or off");
            customer.send(rtc(null, "ring-ring").build());
            assertEquals("validation_failed", customer.next("error").getString("code"));
            customer.send(rtc(null, "offer").build());
            assertEquals("validation_failed", customer.next("error").getString("code"), "an offer carries its sdp");
            customer.send(rtc(null, "offer").add("sdp", "v".repeat(32_001)).build());
            assertEquals("validation_failed", customer.next("error").getString("code"));
            customer.send(rtc(null, "ice-candidate").add("candidate", "c".repeat(2_001)).build());
            assertEquals("validation_failed", customer.next("error").getString("code"));
            assertEquals(List.of(), desk.drain(QUIET));
        }
    }

    @Test
    void theVideoSettingIsChangedOverTheApiAndABadValueIsRefused() {
        Problem refused = api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 50, false).withVideo("SOMETIMES", true)).expect(400).problem();
        assertEquals("validation_failed", refused.code());
        assertEquals("video", refused.field());
        QueueResponse unchanged = api.get("api/v1/queues/" + queue.id(), agent.token()).expect(200)
                .as(QueueResponse.class);
        assertEquals("NOBODY", unchanged.video(), "a refused change changes nothing");
        assertFalse(unchanged.screenShare());

        QueueResponse saved = allowCalls("BOTH", true);
        assertEquals("BOTH", saved.video());
        assertTrue(saved.screenShare());
        QueueResponse renamed = api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic("Renamed", 50, false)).expect(200).as(QueueResponse.class);
        assertEquals("BOTH", renamed.video(), "a client that does not send the video settings keeps them");
        assertTrue(renamed.screenShare());
        api.put("api/v1/queues/" + queue.id() + "/settings", agent.token(),
                QueueSettingsRequest.basic("Renamed", 50, false).withVideo("NOBODY", false)).expect(403);
    }

    private QueueResponse allowCalls(String video, Boolean screenShare) {
        return api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 50, false).withVideo(video, screenShare)).expect(200)
                .as(QueueResponse.class);
    }

    private void pick(CustomerRequestResponse request, Api.Agent picker) {
        api.post("api/v1/queues/" + queue.id() + "/pick", picker.token(), new PickRequest(request.audienceId()))
                .expect(200);
    }

    private static JsonObject typing(String audienceId, boolean on) {
        JsonObjectBuilder frame = Json.createObjectBuilder().add("type", "typing").add("on", on);
        if (audienceId != null) {
            frame.add("audienceId", audienceId);
        }
        return frame.build();
    }

    private static JsonObjectBuilder rtc(String audienceId, String signal) {
        JsonObjectBuilder frame = Json.createObjectBuilder().add("type", "rtc").add("signal", signal);
        if (audienceId != null) {
            frame.add("audienceId", audienceId);
        }
        return frame;
    }
}
