package org.carequeue.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "E-mail me when someone leaves their contact details", under the desk's bell: a member of the
 * queue who turned it on gets one e-mail with a link to the queue's activity log and nothing of
 * the contact; a member who did not gets none. The suite's server sends to this GreenMail
 * (CAREQUEUE_SMTP_HOST and _PORT in the failsafe configuration).
 */
class DeskContactMailIT extends AgainstBuiltWar {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("it.smtp.port", 23025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void theMemberWhoOptedInGetsALinkAndNothingOfTheContact() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = agentWithEmail(api, organization, "ann");
        Api.Agent ben = agentWithEmail(api, organization, "ben");
        QueueResponse queue = api.openQueue(organization, 10, ann, ben);

        try (Browser desk = Browser.open(api)) {
            desk.go("desk/").signIn(ann.username(), Api.PASSWORD);
            desk.click(By.id("sidebar:settings"));
            desk.visible(By.id("alertsForm:email"));
            desk.screenshot("desk-alert-settings");
            desk.turn("alertsForm:email", true);
            desk.click(By.id("alertsForm:saveAlerts"));
            desk.waitUntil(d -> !d.findElement(By.id("alertsDialog")).isDisplayed());
        }

        api.post("api/v1/queues/" + queue.id() + "/contacts", null, new ContactRequest("Frank Customer",
                "frank@example.com", "+358 40 123 4567", "My secret order number is 8812", null)).expect(201);

        assertTrue(MAIL.waitForIncomingEmail(20_000, 1), "an e-mail arrives");
        // Ben did not ask: give a second e-mail, had there been one, the time to arrive too.
        Thread.sleep(2_000);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertEquals(1, received.length, "exactly one e-mail");
        MimeMessage mail = received[0];
        assertEquals(ann.username() + "@it.example", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("carequeue@it.example", mail.getFrom()[0].toString());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("http://care.it.example/desk/queue.xhtml?id=" + queue.id() + "&tab=log"), body);
        for (String content : new String[]{"8812", "secret", "Frank", "frank@example.com", "4567"}) {
            assertFalse(body.contains(content) || mail.getSubject().contains(content), "no contact content: " + content);
        }
    }

    private static Api.Agent agentWithEmail(Api api, Api.Organization organization, String name) {
        String username = Api.unique(name);
        AgentResponse agent = api.post("api/v1/agents", organization.ownerToken(),
                new CreateAgentRequest(username, name, username + "@it.example", Api.PASSWORD, "AGENT"))
                .expect(201).as(AgentResponse.class);
        return new Api.Agent(agent.agentId(), agent.name(), api.signIn(username), username);
    }
}
