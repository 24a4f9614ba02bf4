package org.carequeue.web.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Files and emojis in the desk's conversation view: the customer's picture shows as a thumbnail,
 * the agent's attach button sends one, a refused file is explained, names are text, and emojis of
 * several code points arrive and leave intact.
 */
class DeskAttachmentsIT extends AgainstBuiltWar {

    static final String CUSTOMER_TEXT = "Kiitos 👍🏽 👨‍👩‍👧 🇫🇮";
    static final String AGENT_TEXT = "Ole hyvä 🙏🏿 👩🏽‍💻 🇫🇮";

    @Test
    void picturesShowAsThumbnailsBothWaysAndEmojisStayIntact() throws IOException {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse customer = api.request(queue.id(), "Carla", "Hello");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        AttachmentClient files = new AttachmentClient(api);
        Path work = Files.createTempDirectory("desk-attachments");

        try (Browser desk = Browser.open(api);
             ChatSocket customerSocket = ChatSocket.authenticated(api, customer.customerToken())) {
            desk.go("desk/conversation.xhtml?id=" + customer.audienceId()).signIn(agent.username(), Api.PASSWORD);
            desk.visible(By.id("started"));
            desk.markPage();

            // The customer's picture and document arrive without reload.
            files.upload(customer.audienceId(), customer.customerToken(), "c-photo", "beach.png",
                    "application/octet-stream", AttachmentClient.picture("png", 900, 600)).asApiReply().expect(201);
            files.upload(customer.audienceId(), customer.customerToken(), "c-notes", "Tom & Jerry's <notes>.pdf",
                    "application/pdf", AttachmentClient.pdf()).asApiReply().expect(201);
            By customerThumbnail = By.cssSelector(".cq-from-customer img.cq-thumbnail");
            awaitLoaded(desk, customerThumbnail);
            assertEquals("beach.png", desk.attribute(customerThumbnail, "alt"));
            By customerFile = By.cssSelector(".cq-from-customer .cq-file-name");
            // Read inside the wait: a push can render the messages anew between finding and reading.
            desk.waitUntil(d -> {
                List<WebElement> names = d.findElements(customerFile);
                return names.size() == 2 && "Tom & Jerry's _notes_.pdf".equals(names.get(1).getText()) ? true : null;
            });
            assertTrue(desk.stillSamePage(), "the files appear without reload");
            String link = desk.attribute(By.cssSelector(".cq-from-customer a.cq-attachment-link"), "href");
            assertEquals("200 inline; filename=\"beach.png\"; filename*=UTF-8''beach.png nosniff",
                    desk.script("return fetch(arguments[0]).then(r => r.status + ' '"
                            + " + r.headers.get('Content-Disposition') + ' ' + r.headers.get('X-Content-Type-Options'))",
                            link), "the thumbnail links to the full picture");

            // The agent attaches a picture; the customer gets it on the socket.
            Path photo = work.resolve("receipt.png");
            Files.write(photo, AttachmentClient.picture("png", 640, 480));
            fileInput(desk).sendKeys(photo.toString());
            By agentThumbnail = By.cssSelector(".cq-from-agent img.cq-thumbnail");
            awaitLoaded(desk, agentThumbnail);
            JsonObject pushed = customerSocket.until("message").getJsonObject("attachment");
            while (!"receipt.png".equals(pushed.getString("name"))) {
                pushed = customerSocket.until("message").getJsonObject("attachment");
            }
            assertEquals("image/png", pushed.getString("contentType"));
            desk.screenshot("desk-attachments");

            // A file of a refused kind is explained, and nothing is sent.
            Path program = work.resolve("setup.png");
            Files.write(program, AttachmentClient.executable());
            fileInput(desk).sendKeys(program.toString());
            desk.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-title")).stream()
                    .anyMatch(e -> e.getText().startsWith("Only pictures")));
            desk.screenshot("desk-attachment-refused");
            Path huge = work.resolve("huge.txt");
            Files.write(huge, "a".repeat((int) AttachmentsIT.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
            fileInput(desk).sendKeys(huge.toString());
            desk.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-title")).stream()
                    .anyMatch(e -> e.getText().contains("at most 20 MB")));
            assertEquals(3, messages(api, customer, agent.token()).stream().filter(m -> m.attachment() != null).count());

            // Emojis of several code points, both ways.
            api.post("api/v1/audiences/" + customer.audienceId() + "/messages", customer.customerToken(),
                    new PostMessageRequest("c-emoji", CUSTOMER_TEXT)).expect(201);
            By customerEmoji = By.xpath("//div[contains(@class,'cq-from-customer')]/div[@class='cq-bubble'"
                    + " and text()='" + CUSTOMER_TEXT + "']");
            desk.visible(customerEmoji);
            // ChromeDriver types only the Basic Multilingual Plane: the text is put in as the emoji picker does.
            desk.script("document.getElementById('conversation:text').value = arguments[0];", AGENT_TEXT);
            // and the picker adds a heart of two code points (U+2764 U+FE0F).
            desk.click(By.id("conversation:emoji"));
            desk.click(By.xpath("//button[contains(@class,'cq-emoji') and text()='❤️']"));
            desk.click(By.id("conversation:send"));
            JsonObject atCustomer = customerSocket.until("message");
            while (!atCustomer.containsKey("text") || !"agent".equals(atCustomer.getJsonObject("from").getString("role"))) {
                atCustomer = customerSocket.until("message");
            }
            assertEquals(AGENT_TEXT + "❤️", atCustomer.getString("text"));
            desk.visible(By.xpath("//div[contains(@class,'cq-from-agent')]/div[@class='cq-bubble'"
                    + " and text()='" + AGENT_TEXT + "❤️']"));
            desk.screenshot("desk-emojis");
            assertFalse(desk.has(By.cssSelector(".ui-dialog[aria-hidden='false']")), "no failure dialog");
        }
    }

    private static List<MessageResponse> messages(Api api, CustomerRequestResponse customer, String token) {
        return api.get("api/v1/audiences/" + customer.audienceId() + "/messages", token).expect(200)
                .asList(MessageResponse.class);
    }

    private static WebElement fileInput(Browser desk) {
        return desk.waitUntil(d -> d.findElement(By.cssSelector("#conversation\\:attach input[type=file],"
                + " input[type=file][id^='conversation:attach']")));
    }

    /** The picture is in the page and the browser could load it (the desk's session reads the file). */
    private static void awaitLoaded(Browser desk, By image) {
        desk.waitUntil(d -> {
            List<WebElement> found = d.findElements(image);
            return !found.isEmpty() && Boolean.TRUE.equals(desk.script(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0;", found.get(0))) ? true : null;
        });
    }

    /** Operators choose who may send files in the queue settings dialog; the choice holds for the API. */
    @Test
    void operatorsChooseWhoMaySendFilesInTheQueueSettings() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse customer = api.request(queue.id(), "Carla", null);
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        AttachmentClient files = new AttachmentClient(api);

        try (Browser admin = Browser.open(api)) {
            admin.go("admin/queues.xhtml?edit=" + queue.id()).signIn(organization.ownerUsername(), Api.PASSWORD);
            assertEquals("Customer and agent", admin.text(By.id("settingsForm:attachments_label")));
            admin.choose("settingsForm:attachments", "The agent only");
            admin.screenshot("admin-queue-attachments");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("settingsDialog")).isDisplayed());

            AttachmentClient.Reply refused = files.upload(customer.audienceId(), customer.customerToken(), "c-1",
                    "a.pdf", "application/pdf", AttachmentClient.pdf());
            assertEquals(403, refused.status());
            files.upload(customer.audienceId(), agent.token(), "a-1", "a.pdf", "application/pdf",
                    AttachmentClient.pdf()).asApiReply().expect(201);

            admin.go("admin/queues.xhtml?edit=" + queue.id());
            assertEquals("The agent only", admin.text(By.id("settingsForm:attachments_label")));
        }
    }
}
