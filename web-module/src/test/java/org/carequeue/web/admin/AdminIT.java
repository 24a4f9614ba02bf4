package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.session.MeResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The operator admin in a real browser, and what it refuses to agents. */
class AdminIT extends AgainstBuiltWar {

    @Test
    void operatorAddsAnAgentAndMakesThemAQueueMember() {
        Api api = api();
        Api.Organization organization = api.signUp();
        String username = Api.unique("nina");
        String queueName = Api.unique("Returns");
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/members.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            assertTrue(admin.url().endsWith("/admin/members.xhtml"), admin.url());

            admin.click(By.id("addMember"));
            admin.type(By.id("addForm:name"), "Nina New");
            admin.type(By.id("addForm:username"), username);
            admin.type(By.id("addForm:email"), "nina@example.com");
            admin.type(By.id("addForm:password"), "short");
            admin.click(By.id("addForm:save"));
            assertEquals("Password must have at least 8 characters", admin.text(By.id("addForm:passwordMessage")),
                    "the refusal shows beside the field");
            admin.screenshot("admin-add-agent-refused");
            admin.click(By.xpath("//form[@id='addForm']//button[span[text()='Cancel']]"));
            assertEquals(401, api.post("api/v1/sessions", null, new SignInRequest(username, "short")).status(),
                    "the refused agent was not created");

            admin.click(By.id("addMember"));
            admin.type(By.id("addForm:name"), "Nina New");
            admin.type(By.id("addForm:username"), username);
            admin.type(By.id("addForm:password"), Api.PASSWORD);
            admin.click(By.id("addForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("addDialog")).isDisplayed());
            admin.waitUntil(d -> d.findElement(By.id("membersForm:members")).getText().contains(username));
            admin.type(By.id("membersForm:filter"), "nina new");
            admin.waitUntil(d -> {
                String listed = d.findElement(By.id("membersForm:members_data")).getText();
                return listed.contains(username) && !listed.contains(organization.ownerUsername());
            });
            admin.screenshot("admin-members");

            admin.go("admin/queues.xhtml");
            admin.click(By.id("createQueue"));
            admin.type(By.id("settingsForm:name"), queueName);
            admin.click(By.id("settingsForm:save"));
            By membersButton = By.cssSelector("button[data-queue-members='" + queueName + "']");
            admin.click(membersButton);
            admin.click(By.xpath("//div[@id='membersForm:members']//label[contains(text(),'(" + username + ")')]"));
            admin.click(By.id("membersForm:saveMembers"));
            admin.waitUntil(d -> d.findElement(By.id("queuesForm:queues")).getText().contains("Nina New"));
            admin.screenshot("admin-queues");
        }

        MeResponse nina = api.get("api/v1/me", api.signIn(username)).expect(200).as(MeResponse.class);
        assertEquals("Nina New", nina.name());
        assertEquals(List.of(queueName), nina.queues().stream().map(q -> q.name()).toList());
    }

    /** An invited agent opens the link, chooses a password and signs in; the link then stops working. */
    @Test
    void anInvitedAgentChoosesTheirPasswordThroughTheLink() {
        Api api = api();
        Api.Organization organization = api.signUp();
        String username = Api.unique("ivan");
        String link;
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/members.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.click(By.id("addMember"));
            admin.type(By.id("addForm:name"), "Ivan Invited");
            admin.type(By.id("addForm:username"), username);
            admin.click(By.xpath("//label[contains(text(),'choose their own')]"));
            admin.waitUntil(d -> d.findElements(By.id("addForm:password")).isEmpty());
            admin.click(By.id("addForm:save"));
            link = admin.attribute(By.id("invitationForm:link"), "value");
            assertTrue(link.contains("/invitation.xhtml?token=cqi_"), link);
            admin.screenshot("admin-invitation-link");
        }
        assertEquals(401, api.post("api/v1/sessions", null, new SignInRequest(username, Api.PASSWORD)).status(),
                "no password works before the invitation is taken");

        try (Browser invited = Browser.open(api)) {
            invited.go(link.substring(link.indexOf("invitation.xhtml")));
            assertEquals("Welcome, Ivan Invited", invited.text(By.id("welcome")));
            invited.type(By.id("invitation:password"), Api.PASSWORD);
            invited.type(By.id("invitation:repeated"), Api.PASSWORD + "x");
            invited.click(By.id("invitation:choose"));
            assertEquals("The two passwords differ", invited.text(By.id("invitation:repeatedMessage")));
            invited.type(By.id("invitation:password"), Api.PASSWORD);
            invited.type(By.id("invitation:repeated"), Api.PASSWORD);
            invited.click(By.id("invitation:choose"));
            invited.waitUntil(d -> d.getCurrentUrl().contains("/signin.xhtml"));
            assertEquals("Your password is set. Sign in as " + username + ".",
                    invited.text(By.cssSelector(".ui-messages-info-summary")));
            invited.signIn(username, Api.PASSWORD);
            assertTrue(invited.url().endsWith("/desk/"), invited.url());

            invited.go(link.substring(link.indexOf("invitation.xhtml")));
            assertTrue(invited.text(By.id("invitation:messages")).contains("does not work any more"),
                    "the link works once");
        }
    }

    /**
     * An operator removes an agent in the middle of a conversation: the customer is told it ended,
     * the agent's open desk goes to the sign-in page, the socket their integration opened with their
     * token closes, the token stops working, and so does their password.
     */
    @Test
    void removingAnAgentEndsTheirConversationsAndClosesTheirDesk() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent leaver = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, leaver);
        CustomerRequestResponse request = api.request(queue.id(), "Rita Customer", "Hello?");
        try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken());
             ChatSocket leaversSocket = ChatSocket.authenticated(api, leaver.token());
             Browser desk = Browser.open(api); Browser admin = Browser.open(api)) {
            api.post("api/v1/queues/" + queue.id() + "/pick", leaver.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
            desk.go("desk/conversation.xhtml?id=" + request.audienceId()).signIn(leaver.username(), Api.PASSWORD);
            desk.visible(By.id("conversation:text"));

            admin.go("admin/members.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.type(By.id("membersForm:filter"), leaver.username());
            admin.waitUntil(d -> d.findElement(By.id("membersForm:members_data")).getText().contains(leaver.name())
                    && !d.findElement(By.id("membersForm:members_data")).getText().contains(organization.ownerUsername()));
            admin.click(By.xpath("//span[@class='ui-button-text ui-c' and text()='Remove']/.."));
            admin.click(By.id("confirmYes"));
            admin.waitUntil(d -> d.findElement(By.id("membersForm:members_data")).getText().contains("No member matches."));

            assertEquals("FINISHED", customer.until("state").getString("state"));
            desk.waitUntil(d -> d.getCurrentUrl().contains("/signin.xhtml"));
            desk.screenshot("desk-after-removal");
            assertEquals(1008, leaversSocket.awaitClose(), "closed for policy: removed from the organization");
        }
        assertEquals(401, api.get("api/v1/me", leaver.token()).status());
        assertEquals(401, api.post("api/v1/sessions", null, new SignInRequest(leaver.username(), Api.PASSWORD)).status());
    }

    @Test
    void agentsCannotOpenAdminPages() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        try (Browser browser = Browser.open(api)) {
            browser.go("desk/").signIn(agent.username(), Api.PASSWORD);
            assertTrue(browser.url().endsWith("/desk/"), browser.url());
            assertTrue(!browser.has(By.id("sidebar:adminLink")), "agents are not offered the admin");
            for (String page : List.of("admin/members.xhtml", "admin/queues.xhtml", "admin/statistics.xhtml")) {
                browser.go(page);
                assertEquals("This page is for organization operators", browser.text(By.cssSelector("#forbidden h1")),
                        page);
            }
            browser.screenshot("admin-forbidden-for-agents");
        }
        // The boundary refuses too, whatever the page: an agent's token cannot add staff.
        assertEquals("forbidden", api.post("api/v1/agents", agent.token(),
                new CreateAgentRequest(Api.unique("x"), "X", null, Api.PASSWORD, "AGENT"))
                .expect(403).problem().code());
    }
}
