package org.carequeue.web.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * Emojis travel both ways intact, including the ones made of several code points (skin tones,
 * families joined by zero-width joiners, flags from regional indicators, variation selectors),
 * through REST and the chat socket and back out of the database.
 */
class EmojiMessagesIT extends AgainstBuiltWar {

    static final String SKIN_TONE = "👍🏽";
    static final String FAMILY = "👨‍👩‍👧";
    static final String FLAG = "🇫🇮";
    static final String CUSTOMER_TEXT = "Kiitos " + SKIN_TONE + " " + FAMILY + " " + FLAG + " ❤️ é";
    static final String AGENT_TEXT = "Ole hyvä 🙏🏿 👩🏽‍💻 🏳️‍🌈 " + FLAG;

    @Test
    void emojisComeBackIntactThroughRestAndTheSocketOnBothSides() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse customer = api.request(queue.id(), "Mia " + FLAG, "Hei 👋🏽");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        String messages = "api/v1/audiences/" + customer.audienceId() + "/messages";

        try (ChatSocket customerSocket = ChatSocket.authenticated(api, customer.customerToken());
             ChatSocket agentSocket = ChatSocket.authenticated(api, agent.token())) {
            api.post(messages, customer.customerToken(), new PostMessageRequest("c-1", CUSTOMER_TEXT)).expect(201);
            assertEquals(CUSTOMER_TEXT, agentSocket.until("message").getString("text"));
            assertEquals(CUSTOMER_TEXT, customerSocket.until("message").getString("text"));

            agentSocket.sendMessage(customer.audienceId(), "a-1", AGENT_TEXT);
            JsonObject atCustomer = customerSocket.until("message");
            assertEquals(AGENT_TEXT, atCustomer.getString("text"));
            assertEquals("agent", atCustomer.getJsonObject("from").getString("role"));
            assertEquals("a-1", agentSocket.until("sent").getString("clientMessageId"));
        }

        List<String> expected = List.of("Hei 👋🏽", CUSTOMER_TEXT, AGENT_TEXT);
        for (String token : List.of(customer.customerToken(), agent.token())) {
            List<MessageResponse> stored = api.get(messages + "?since=0", token).expect(200)
                    .asList(MessageResponse.class);
            assertEquals(expected, stored.stream().map(MessageResponse::text).toList());
            assertEquals("Mia " + FLAG, stored.get(0).from().name());
        }
        assertEquals("Mia " + FLAG, api.get("api/v1/audiences/" + customer.audienceId(), agent.token()).expect(200)
                .as(AudienceResponse.class).customerName());

        // The limit counts UTF-16 units, as the client's text field does: 1,250 families of 8 fill it.
        String full = FAMILY.repeat(PostMessageRequest.MAX_TEXT_LENGTH / FAMILY.length());
        assertEquals(PostMessageRequest.MAX_TEXT_LENGTH, full.length());
        api.post(messages, agent.token(), new PostMessageRequest("a-full", full)).expect(201);
        List<MessageResponse> after = api.get(messages + "?since=3", customer.customerToken()).expect(200)
                .asList(MessageResponse.class);
        assertEquals(full, after.get(0).text());
    }
}
