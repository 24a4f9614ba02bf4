package org.carequeue.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.api.note.AudienceNotesResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The chat-features panel in a real browser: an operator sets up canned messages, tags and note
 * fields in the admin; an agent expands /keyword in a conversation, tags it and fills its notes.
 */
class DeskFeaturesIT extends AgainstBuiltWar {

    static final String WELCOME = "Welcome to our support! How can I help you today?";

    @Test
    void anAgentExpandsACannedMessageTagsTheConversationAndSavesItsNotes() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);

        try (Browser admin = Browser.open(api)) {
            admin.go("admin/canned-messages.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.visible(By.id("cannedTableForm:canned"));
            admin.click(By.id("addCanned"));
            admin.type(By.id("cannedForm:keyword"), "Welcome!");
            admin.type(By.id("cannedForm:message"), WELCOME);
            admin.click(By.id("cannedForm:save"));
            assertTrue(admin.text(By.id("cannedForm:keywordMessage")).startsWith("Keyword may hold only lowercase letters"),
                    "the refusal shows beside the field");
            admin.screenshot("admin-canned-refused");
            admin.type(By.id("cannedForm:keyword"), "welcome");
            admin.click(By.id("cannedForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("cannedDialog")).isDisplayed());
            admin.waitUntil(d -> d.findElement(By.id("cannedTableForm:canned")).getText().contains("/welcome"));
            admin.screenshot("admin-canned-messages");

            admin.go("admin/tags.xhtml");
            admin.click(By.id("addCategory"));
            admin.type(By.id("tagForm:name"), "Billing");
            setColour(admin, "#7c3aed");
            admin.click(By.id("tagForm:save"));
            admin.visible(By.cssSelector("section[data-category='Billing']"));
            admin.waitUntil(d -> !d.findElement(By.id("tagDialog")).isDisplayed());
            clearGrowl(admin);
            admin.click(By.cssSelector("button[data-add-sub='Billing']"));
            admin.type(By.id("tagForm:name"), "Refund");
            setColour(admin, "#16a34a");
            admin.click(By.id("tagForm:save"));
            admin.waitUntil(d -> d.findElement(By.cssSelector("section[data-category='Billing']")).getText().contains("Refund"));
            admin.waitUntil(d -> !d.findElement(By.id("tagDialog")).isDisplayed());
            clearGrowl(admin);
            admin.click(By.cssSelector("button[data-add-sub='Billing']"));
            admin.type(By.id("tagForm:name"), "refund");
            admin.click(By.id("tagForm:save"));
            assertTrue(admin.text(By.id("tagForm:nameMessage")).contains("already exists"), "a sibling's name is refused");
            admin.click(By.xpath("//form[@id='tagForm']//button[span[text()='Cancel']]"));
            admin.screenshot("admin-tags");

            admin.go("admin/queues.xhtml");
            admin.visible(By.id("queuesForm:queues"));
            admin.click(By.cssSelector("button[data-queue-notes='" + queue.name() + "']"));
            admin.click(By.id("noteFieldsForm:addField"));
            admin.type(By.cssSelector("input[data-field-label='0']"), "Reason for contact");
            admin.click(By.id("noteFieldsForm:addField"));
            admin.type(By.cssSelector("input[data-field-label='1']"), "Outcome");
            new Select(admin.visible(By.cssSelector("select[data-field-kind='1']"))).selectByValue("CHOICE");
            admin.type(By.cssSelector("textarea[data-field-options='1']"), "Solved\nEscalated");
            admin.screenshot("admin-note-fields");
            admin.click(By.id("noteFieldsForm:saveNoteFields"));
            admin.waitUntil(d -> !d.findElement(By.id("noteFieldsDialog")).isDisplayed());
        }
        assertEquals(List.of("welcome"), api.get("api/v1/canned-messages", agent.token()).expect(200)
                .asList(CannedMessageResponse.class).stream().map(CannedMessageResponse::keyword).toList());
        assertEquals(List.of("Billing", "Billing / Refund"), api.get("api/v1/tags", agent.token()).expect(200)
                .asList(TagResponse.class).stream().map(TagResponse::path).toList());

        CustomerRequestResponse carla = api.request(queue.id(), "Carla Customer", "My invoice is wrong");
        try (ChatSocket customer = ChatSocket.authenticated(api, carla.customerToken());
             Browser desk = Browser.open(api)) {
            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
            desk.go("desk/canned-messages.xhtml").signIn(agent.username(), Api.PASSWORD);
            desk.visible(By.id("cannedTableForm:canned"));
            desk.click(By.id("addCanned"));
            desk.type(By.id("cannedForm:keyword"), "thx");
            desk.type(By.id("cannedForm:message"), "Thanks, have a nice day!");
            desk.click(By.id("cannedForm:save"));
            desk.waitUntil(d -> d.findElement(By.id("cannedTableForm:canned")).getText().contains("/thx"));
            desk.waitUntil(d -> !d.findElement(By.id("cannedDialog")).isDisplayed());
            desk.screenshot("desk-my-canned-messages");

            String page = "desk/conversation.xhtml?id=" + carla.audienceId();
            desk.go(page);
            desk.visible(By.id("started"));
            assertEquals(List.of("thx", "welcome"), desk.waitUntil(d -> d.findElements(By.cssSelector("#cannedList .cq-canned"))
                    .stream().map(item -> item.getAttribute("data-keyword")).toList()), "personal ones first");
            By text = By.id("conversation:text");

            desk.type(text, "/nosuch ");
            assertEquals("/nosuch ", desk.attribute(text, "value"), "an unknown keyword stays as typed");
            desk.type(text, "/welcome ");
            desk.waitUntil(d -> (WELCOME + " ").equals(d.findElement(text).getAttribute("value")));
            desk.screenshot("desk-canned-expanded");
            desk.press(text, Keys.ENTER);
            // The desk's typing frames come first: past them (and positions) to the message.
            JsonObject atCustomer = customer.until("message");
            assertEquals(WELCOME, atCustomer.getString("text"));
            desk.visible(By.xpath("//div[contains(@class,'cq-from-agent')]/div[@class='cq-bubble' and text()='" + WELCOME + "']"));

            // Clicking a canned message in the panel inserts it too.
            desk.click(By.cssSelector("#cannedList .cq-canned[data-keyword='welcome']"));
            assertEquals(WELCOME, desk.attribute(text, "value"));
            desk.type(text, "");

            desk.choose("features:featureTabs:tagToAdd", "Billing / Refund");
            desk.click(By.id("features:featureTabs:addTag"));
            desk.waitUntil(d -> chips(d).equals(List.of("Billing / Refund")));

            desk.type(By.cssSelector("input[data-note='Reason for contact']"), "Wrong invoice amount");
            new Select(desk.visible(By.cssSelector("select[data-note='Outcome']"))).selectByVisibleText("Solved");
            desk.click(By.id("features:featureTabs:saveNotes"));
            assertEquals("Notes saved", desk.text(By.cssSelector(".ui-growl-title")));
            desk.screenshot("desk-chat-features");

            desk.go(page);
            desk.visible(By.id("started"));
            assertEquals(List.of("Billing / Refund"), chips(desk.waitUntil(d -> d)), "the tag is kept");
            assertEquals("Wrong invoice amount", desk.attribute(By.cssSelector("input[data-note='Reason for contact']"), "value"));
            assertEquals("Solved", new Select(desk.visible(By.cssSelector("select[data-note='Outcome']")))
                    .getFirstSelectedOption().getText());
            desk.screenshot("desk-chat-features-reloaded");

            // Removing the chip takes the tag off.
            desk.click(By.cssSelector("#audienceTags .cq-chip-remove"));
            desk.waitUntil(d -> chips(d).isEmpty());
        }
        assertEquals(List.of(), api.get("api/v1/audiences/" + carla.audienceId() + "/tags", agent.token()).expect(200)
                .asList(TagResponse.class));
        AudienceNotesResponse notes = api.get("api/v1/audiences/" + carla.audienceId() + "/notes", agent.token())
                .expect(200).as(AudienceNotesResponse.class);
        assertEquals(List.of("Wrong invoice amount", "Solved"), notes.notes().stream().map(n -> n.value()).toList());
    }

    /** Messages of earlier steps fade after a few seconds; they would take the click meant for a button under them. */
    private static void clearGrowl(Browser browser) {
        browser.script("document.querySelectorAll('.ui-growl-item-container').forEach(item => item.remove());");
    }

    /** The colour input is the browser's own picker: its value is set as the picker would. */
    private static void setColour(Browser admin, String colour) {
        admin.visible(By.id("tagForm:colour"));
        admin.script("const input = document.getElementById('tagForm:colour'); input.value = arguments[0];"
                + "input.dispatchEvent(new Event('change', {bubbles: true}));", colour);
    }

    private static List<String> chips(WebDriver driver) {
        return driver.findElements(By.cssSelector("#audienceTags .cq-chip")).stream()
                .map(chip -> chip.getText().strip()).toList();
    }
}
