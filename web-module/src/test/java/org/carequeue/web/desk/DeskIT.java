package org.carequeue.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The agent desk in a real browser, against a customer on a real chat socket. */
class DeskIT extends AgainstBuiltWar {

    @Test
    void signInRotatesTheSessionIdAndSignOutEndsTheSession() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        try (Browser browser = Browser.open(api)) {
            browser.go("desk/");
            assertTrue(browser.url().contains("/signin.xhtml?continue="), "the desk asks for sign-in: " + browser.url());

            browser.signIn(agent.username(), "not-the-password");
            assertEquals("Wrong username or password", browser.text(By.cssSelector(".ui-messages-warn-summary")));
            String before = browser.sessionId();
            assertNotNull(before, "the sign-in page keeps its form in a session");
            browser.screenshot("signin-refused");

            browser.signIn(agent.username(), Api.PASSWORD);
            assertTrue(browser.url().endsWith("/desk/"), "lands on the desk asked for: " + browser.url());
            assertEquals(agent.name(), browser.text(By.id("me")));
            String signedIn = browser.sessionId();
            assertNotEquals(before, signedIn, "sign-in gives the session a new id");

            browser.click(By.id("sidebar:signOut"));
            browser.waitUntil(d -> d.getCurrentUrl().contains("/signin.xhtml"));
            assertTrue(browser.has(By.id("signedOut")));
            browser.replaceSessionId(signedIn);
            browser.go("desk/");
            assertTrue(browser.url().contains("/signin.xhtml"), "the signed-out session is gone: " + browser.url());
        }
    }

    /**
     * A new customer, and a registered contact, play a sound and show a desktop notification; each
     * can be switched off in the agent's alert settings. (The browser's sound and notifications are replaced by recorders.)
     */
    @Test
    void arrivalsPlayASoundAndNotifyAsTheAgentChose() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        try (Browser desk = Browser.open(api)) {
            desk.go("desk/").signIn(agent.username(), Api.PASSWORD);
            recordAlerts(desk);
            api.request(queue.id(), "First Arrival", "Hi");
            desk.waitUntil(d -> alerts(desk).size() == 2);
            assertEquals(List.of("sound", "A customer is waiting: " + queue.name()), alerts(desk));

            desk.click(By.id("sidebar:settings"));
            desk.turn("alertsForm:sound", false);
            desk.click(By.id("alertsForm:saveAlerts"));
            assertEquals("Alert settings saved", desk.text(By.cssSelector(".ui-growl-title")));
            desk.go("desk/");
            assertEquals("false", desk.attribute(By.id("alerts"), "data-sound"), "the choice is stored");
            recordAlerts(desk);
            api.request(queue.id(), "Second Arrival", "Hello");
            desk.waitUntil(d -> alerts(desk).size() == 1);
            assertEquals(List.of("A customer is waiting: " + queue.name()), alerts(desk));

            // A registered contact is announced the same way.
            api.post("api/v1/queues/" + queue.id() + "/contacts", null, new ContactRequest("Frank Contact",
                    "frank@example.com", null, "Call me", null)).expect(201);
            desk.waitUntil(d -> alerts(desk).size() == 2);
            assertEquals("Someone left their contact details: " + queue.name(), alerts(desk).get(1));
        }
    }

    private static void recordAlerts(Browser desk) {
        desk.script("window.carequeueAlerts = [];"
                + "window.Notification = function (title, options) { carequeueAlerts.push(title + ': ' + options.body); };"
                + "window.Notification.permission = 'granted';"
                + "window.AudioContext = function () { carequeueAlerts.push('sound'); throw new Error('silent test'); };");
    }

    @SuppressWarnings("unchecked")
    private static List<String> alerts(Browser desk) {
        return (List<String>) desk.script("return window.carequeueAlerts;");
    }

    /** Pages of another organization's queue or conversation send the agent back to their desk. */
    @Test
    void anotherOrganizationsQueueAndConversationStayClosed() {
        Api api = api();
        Api.Organization theirs = api.signUp();
        Api.Agent theirAgent = api.agent(theirs);
        QueueResponse theirQueue = api.openQueue(theirs, 10, theirAgent);
        CustomerRequestResponse theirCustomer = api.request(theirQueue.id(), "Private Person", "secret");
        api.post("api/v1/queues/" + theirQueue.id() + "/pick", theirAgent.token(), null).expect(200);
        Api.Agent outsider = api.agent(api.signUp());
        try (Browser browser = Browser.open(api)) {
            browser.go("desk/").signIn(outsider.username(), Api.PASSWORD);
            for (String page : List.of("desk/queue.xhtml?id=" + theirQueue.id(),
                    "desk/conversation.xhtml?id=" + theirCustomer.audienceId())) {
                browser.go(page);
                browser.waitUntil(d -> d.getCurrentUrl().endsWith("/desk/"));
                String refusal = browser.text(By.cssSelector(".ui-growl-title"));
                assertTrue(refusal.startsWith("No such"), page + ": " + refusal);
                assertFalse(browser.has(By.xpath("//*[contains(text(),'Private Person')]")), page);
            }
        }
    }

    /**
     * Two agents watch one queue. Customers arrive through the API and a chat socket; both desks
     * show them without reload; Ann picks one, it leaves Ben's list; Ann and the customer talk; Ann
     * ends. A pick Ben makes from a list that is out of date is answered with a message.
     */
    @Test
    void agentsSeeCustomersArrivePickTalkAndEndWithoutReloading() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        Api.Agent ben = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, ann, ben);
        try (Browser annDesk = Browser.open(api); Browser benDesk = Browser.open(api)) {
            for (var pair : List.of(new Object[] {annDesk, ann}, new Object[] {benDesk, ben})) {
                Browser desk = (Browser) pair[0];
                desk.go("desk/queue.xhtml?id=" + queue.id());
                desk.signIn(((Api.Agent) pair[1]).username(), Api.PASSWORD);
                desk.visible(By.id("queueName"));
                desk.markPage();
            }

            CustomerRequestResponse carla = api.request(queue.id(), "Carla Customer", "My parcel is late");
            CustomerRequestResponse dave = api.request(queue.id(), "Dave Customer", "Wrong size");
            try (ChatSocket customer = ChatSocket.authenticated(api, carla.customerToken());
                 ChatSocket second = ChatSocket.authenticated(api, dave.customerToken())) {
                By carlaRow = pickButton(carla);
                By daveRow = pickButton(dave);
                for (Browser desk : List.of(annDesk, benDesk)) {
                    desk.visible(carlaRow);
                    desk.visible(daveRow);
                    assertTrue(desk.stillSamePage(), "customers appear without reload");
                    desk.waitUntil(d -> "2".equals(d.findElement(By.cssSelector(
                            ".cq-queue-row[data-queue-id='" + queue.id() + "'] .cq-count")).getText()));
                }
                assertTrue(annDesk.has(By.cssSelector(".cq-queue-row.cq-waiting[data-queue-id='" + queue.id() + "']")),
                        "the queue's dot is blue while customers wait");
                annDesk.screenshot("desk-queue");

                annDesk.click(carlaRow);
                annDesk.waitUntil(d -> d.getCurrentUrl().contains("/desk/conversation.xhtml?id=" + carla.audienceId()));
                assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
                benDesk.waitUntil(d -> d.findElements(carlaRow).isEmpty());
                assertTrue(benDesk.stillSamePage(), "the picked customer leaves the other desk without reload");
                assertTrue(benDesk.has(daveRow));

                annDesk.visible(By.id("started"));
                annDesk.type(By.id("conversation:text"), "Hello Carla, let me check.");
                annDesk.press(By.id("conversation:text"), Keys.ENTER);
                // The desk's typing frames come first: past them (and positions) to the message.
                JsonObject atCustomer = customer.until("message");
                assertEquals("Hello Carla, let me check.", atCustomer.getString("text"));
                assertEquals("agent", atCustomer.getJsonObject("from").getString("role"));
                annDesk.markPage();

                customer.sendMessage("c-1", "Thanks! It was ordered on Monday.");
                assertEquals("c-1", customer.until("sent").getString("clientMessageId"));
                annDesk.visible(By.xpath("//div[contains(@class,'cq-from-customer')]"
                        + "/div[@class='cq-bubble' and text()='Thanks! It was ordered on Monday.']"));
                assertTrue(annDesk.stillSamePage(), "the customer's message appears without reload");
                annDesk.screenshot("desk-conversation");

                // Ben's list stops following; Ann takes Dave meanwhile; Ben's pick is answered.
                benDesk.script("window.refreshQueue = function () {}; window.refreshSidebar = function () {};");
                api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
                assertEquals("ACCEPTED", second.nextPastPositions("state").getString("state"));
                benDesk.click(daveRow);
                assertEquals("Another agent just picked this customer.",
                        benDesk.text(By.cssSelector(".ui-growl-title")));
                assertTrue(benDesk.url().contains("/desk/queue.xhtml"), "no error page: " + benDesk.url());
                benDesk.screenshot("desk-picked-by-another");

                annDesk.click(By.id("conversation:endMenu_button"));
                annDesk.click(By.xpath("//span[@class='ui-menuitem-text' and text()='End conversation']"));
                annDesk.click(By.id("confirmYes"));
                // The echo of the customer's own message may still be queued after its ack.
                assertEquals("FINISHED", customer.until("state").getString("state"));
                annDesk.visible(By.id("ended"));
                annDesk.waitUntil(d -> !d.findElement(By.id("confirmYes")).isDisplayed());
                assertFalse(annDesk.has(By.id("conversation:text")), "nobody writes after the end");
                annDesk.screenshot("desk-ended");
            }
        }
    }

    private static By pickButton(CustomerRequestResponse request) {
        return By.cssSelector("button[data-audience-id='" + request.audienceId() + "']");
    }
}
