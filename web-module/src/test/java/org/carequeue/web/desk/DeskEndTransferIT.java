package org.carequeue.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Transfer and end on the desk, in real browsers: an operator allows transfers from Support to
 * Billing in the queue settings dialog; Ann transfers Carla there; Ben picks her in Billing and sees
 * the earlier messages and the transfer line; Ann's ended conversation with Dave stays in her
 * sidebar (rated by Dave) until it completes by itself (20 s in the ITs, see the pom).
 */
class DeskEndTransferIT extends AgainstBuiltWar {

    @Test
    void anAgentTransfersACustomerWhomTheNextAgentPicksWithTheHistory() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        Api.Agent ben = api.agent(organization);
        QueueResponse support = api.openQueue(organization, 10, ann);
        QueueResponse billing = api.openQueue(organization, 10, ben);

        try (Browser admin = Browser.open(api)) {
            admin.go("admin/queues.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.click(By.cssSelector("button[data-queue='" + support.name() + "']"));
            admin.click(By.xpath("//div[@id='settingsForm:transferQueueIds']//label[text()='" + billing.name() + "']"));
            admin.screenshot("admin-transfer-targets");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> d.findElement(By.cssSelector(".ui-growl-title")).getText().endsWith("was saved."));
        }
        assertEquals(List.of(billing.id()), api.get("api/v1/queues/" + support.id(), ann.token()).expect(200)
                .as(QueueResponse.class).transferQueueIds(), "the dialog saved the transfer target");

        CustomerRequestResponse carla = api.request(support.id(), "Carla Customer", "My invoice is wrong");
        try (ChatSocket customer = ChatSocket.authenticated(api, carla.customerToken());
             Browser annDesk = Browser.open(api); Browser benDesk = Browser.open(api)) {
            api.post("api/v1/queues/" + support.id() + "/pick", ann.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
            annDesk.go("desk/conversation.xhtml?id=" + carla.audienceId()).signIn(ann.username(), Api.PASSWORD);
            annDesk.type(By.id("conversation:text"), "Billing will sort this out.");
            annDesk.press(By.id("conversation:text"), Keys.ENTER);
            // The desk's typing frames come first: past them (and positions) to the message.
            assertEquals("Billing will sort this out.", customer.until("message").getString("text"));

            benDesk.go("desk/queue.xhtml?id=" + billing.id()).signIn(ben.username(), Api.PASSWORD);
            benDesk.visible(By.id("queueName"));
            benDesk.markPage();

            annDesk.click(By.id("conversation:transfer"));
            annDesk.visible(By.id("transferForm:queueId"));
            annDesk.click(By.xpath("//*[@id='transferForm:queueId']//label[starts-with(text(),'" + billing.name() + "')]"));
            annDesk.screenshot("desk-transfer-dialog");
            annDesk.click(By.id("transferForm:confirmTransfer"));
            annDesk.waitUntil(d -> d.getCurrentUrl().endsWith("/desk/"));
            assertEquals("Carla Customer was transferred to " + billing.name() + ".",
                    annDesk.text(By.cssSelector(".ui-growl-title")));
            assertFalse(annDesk.has(By.cssSelector(".cq-conversation-row[data-audience-id='" + carla.audienceId() + "']")),
                    "the conversation left Ann's sidebar");
            assertEquals("REQUESTED", customer.until("state").getString("state"), "the customer queues again");

            By carlaRow = By.cssSelector("button[data-audience-id='" + carla.audienceId() + "']");
            benDesk.visible(carlaRow);
            assertTrue(benDesk.stillSamePage(), "the transferred customer appears without reload");
            benDesk.click(carlaRow);
            benDesk.waitUntil(d -> d.getCurrentUrl().contains("/desk/conversation.xhtml?id=" + carla.audienceId()));
            JsonObject accepted = customer.until("state");
            assertEquals("ACCEPTED", accepted.getString("state"));
            assertEquals(ben.name(), accepted.getString("agentName"));
            benDesk.visible(By.xpath("//div[contains(@class,'cq-from-customer')]/div[@class='cq-bubble' and text()='My invoice is wrong']"));
            benDesk.visible(By.xpath("//div[contains(@class,'cq-from-agent')]/div[@class='cq-bubble' and text()='Billing will sort this out.']"));
            String transferLine = "Transferred from " + support.name() + " to " + billing.name() + " by " + ann.name();
            assertTrue(benDesk.text(By.cssSelector(".cq-system-message.cq-from-system")).startsWith(transferLine),
                    "the transfer line: " + benDesk.text(By.cssSelector(".cq-system-message.cq-from-system")));
            benDesk.screenshot("desk-transferred-history");

            benDesk.go("desk/queue.xhtml?id=" + billing.id() + "&tab=log");
            benDesk.visible(By.xpath("//td[contains(.,'Carla Customer was transferred from " + support.name()
                    + " by " + ann.name() + "')]"));
            annDesk.go("desk/queue.xhtml?id=" + support.id() + "&tab=log");
            annDesk.visible(By.xpath("//td[contains(.,'" + ann.name() + " transferred Carla Customer to "
                    + billing.name() + "')]"));
            annDesk.screenshot("desk-transfer-log");
        }
    }

    @Test
    void anEndedConversationStaysInTheSidebarUntilItCompletes() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse support = api.openQueue(organization, 10, ann);
        CustomerRequestResponse dave = api.request(support.id(), "Dave Customer", "Wrong size");
        try (ChatSocket customer = ChatSocket.authenticated(api, dave.customerToken());
             Browser annDesk = Browser.open(api)) {
            api.post("api/v1/queues/" + support.id() + "/pick", ann.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
            annDesk.go("desk/conversation.xhtml?id=" + dave.audienceId()).signIn(ann.username(), Api.PASSWORD);
            By sidebarRow = By.cssSelector(".cq-conversation-row[data-audience-id='" + dave.audienceId() + "']");
            annDesk.visible(sidebarRow);

            annDesk.click(By.id("conversation:endMenu_button"));
            annDesk.click(By.xpath("//span[@class='ui-menuitem-text' and text()='End conversation']"));
            annDesk.click(By.id("confirmYes"));
            assertEquals("FINISHED", customer.until("state").getString("state"));
            annDesk.visible(By.id("ended"));
            annDesk.visible(By.id("conversation:wrapUp"));
            assertFalse(annDesk.has(By.id("conversation:transfer")), "an ended conversation is not transferred");
            assertEquals("Not rated.", annDesk.text(By.id("rating")));

            annDesk.markPage();
            api.post("api/v1/audiences/" + dave.audienceId() + "/rating", dave.customerToken(),
                    new RatingRequest(RatingRequest.GOOD)).expect(200);
            annDesk.waitUntil(d -> "Rated: good".equals(d.findElement(By.id("rating")).getText()));
            assertTrue(annDesk.stillSamePage(), "the rating appears without reload");
            annDesk.screenshot("desk-ended-rated");
            annDesk.go("desk/");
            annDesk.visible(sidebarRow);
            assertEquals("Ended", annDesk.text(By.cssSelector(".cq-conversation-row[data-audience-id='"
                    + dave.audienceId() + "'] .cq-conversation-state")));
            annDesk.screenshot("desk-ended-in-sidebar");

            annDesk.markPage();
            annDesk.waitUntil(Duration.ofSeconds(60), d -> d.findElements(sidebarRow).isEmpty());
            assertTrue(annDesk.stillSamePage(), "the completed conversation leaves the sidebar without reload");
            annDesk.screenshot("desk-completed");
        }
    }
}
