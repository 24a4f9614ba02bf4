package org.carequeue.web.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.Schedules;
import org.carequeue.web.support.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The customer's chat widget in headless Chromium, embedded as customers' pages embed it: a shop
 * page on another origin (a loopback server of the test) with the one script tag, CareQueue
 * behind a TCP proxy the test can cut to take the customer's network away. The agent acts over
 * the API and the chat socket. Each view is checked with axe-core (no serious or critical
 * violations) and photographed at a phone's and a laptop's size.
 */
class WidgetIT extends AgainstBuiltWar {

    static final By FRAME = By.cssSelector("iframe[data-carequeue-widget]");
    static final String HOSTILE_IMG = "<img src=x onerror=\"window.cqPwned=1\">";
    static final String HOSTILE_SCRIPT = "<script>window.cqPwned=2</script>";

    HttpServer shop;
    TcpProxy network;
    Api api;

    @BeforeEach
    void shopAndNetwork() throws IOException {
        api = api();
        network = new TcpProxy(api.base().getPort());
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The shop's page: its own loud CSS (which must not reach the widget) and the embed snippet.
        shop.createContext("/shop", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String site = query.substring(query.indexOf('=') + 1);
            byte[] page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                    + "<meta name='viewport' content='width=device-width, initial-scale=1'><title>IT shop</title>"
                    + "<style>body{font:20px Georgia;background:#fef3c7} button,p{font:bold 24px Impact;color:red}"
                    + " iframe{border:8px solid red}</style></head><body><h1>IT shop</h1><p>Things for sale.</p>"
                    + "<button>Buy</button><script src='" + careQueue() + "widget/loader.js' data-site='" + site
                    + "' async></script></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void closeShopAndNetwork() throws IOException {
        shop.stop(0);
        network.close();
    }

    /** CareQueue as the customer's browser reaches it: through the network the test can cut. */
    String careQueue() {
        return "http://127.0.0.1:" + network.port() + "/";
    }

    String shopOrigin() {
        return "http://localhost:" + shop.getAddress().getPort();
    }

    String shopPage(String siteKey) {
        return shopOrigin() + "/shop?site=" + siteKey;
    }

    /**
     * A customer opens the widget on the shop's page, answers the questionnaire, waits behind
     * another customer and sees their place change when the one ahead is picked, chats with the
     * agent (typing shown), loses the network meanwhile without losing or doubling a message,
     * reloads the page and finds the same conversation, ends it after confirming, rates it and
     * answers the questions afterwards.
     */
    @Test
    void customerQueuesChatsSurvivesADropAndAReloadEndsAndRates() throws Exception {
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        String siteKey = site(organization, List.of(queue.id()), true);
        CustomerRequestResponse ahead = api.request(queue.id(), "Ahead Customer", "I was first");

        try (ChatSocket aheadPresent = ChatSocket.authenticated(api, ahead.customerToken());
             Browser browser = Browser.open(api)) {
            browser.windowSize(1280, 800);
            browser.go(shopPage(siteKey));
            browser.enterFrame(FRAME);
            browser.visible(By.id("cq-bar"));
            views(browser, "widget-minimized");

            browser.click(By.id("cq-bar"));
            assertEquals("Welcome to the IT shop", browser.text(By.cssSelector(".cq-welcome")));
            assertEquals("Free delivery this week", browser.text(By.cssSelector(".cq-motd")));
            views(browser, "widget-start");

            browser.click(By.cssSelector(".cq-queue[data-queue-id='" + queue.id() + "']"));
            browser.click(By.id("cq-start"));
            assertEquals("Required", browser.text(By.id("pre-0-error")), "the name is required, said beside it");
            assertEquals("Required", browser.text(By.id("pre-1-error")));
            views(browser, "widget-questionnaire");
            browser.type(By.id("pre-0"), "Wendy Widget");
            browser.click(By.cssSelector("#pre-1 option[value='order']"));
            browser.click(By.id("cq-start"));

            browser.waitUntil(d -> "You are at position 2".equals(d.findElement(By.id("cq-position")).getText()));
            views(browser, "widget-queueing");

            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            browser.waitUntil(d -> "You are next".equals(d.findElement(By.id("cq-position")).getText()));
            String audienceId = (String) browser.script("return JSON.parse(sessionStorage.getItem("
                    + "'carequeue.widget." + siteKey + "')).audienceId;");
            AudienceResponse asked = api.get("api/v1/audiences/" + audienceId, agent.token()).expect(200)
                    .as(AudienceResponse.class);
            assertEquals("Wendy Widget", asked.customerName());

            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            assertEquals("You are chatting with " + agent.name(), browser.text(By.id("cq-agent")));
            agentSays(agent, audienceId, "a-1", "Hello Wendy, how can I help?");
            browser.waitUntil(d -> shown(browser).contains("Hello Wendy, how can I help?"));

            try (ChatSocket agentSocket = ChatSocket.authenticated(api, agent.token())) {
                agentSocket.send(Json.createObjectBuilder().add("type", "typing").add("audienceId", audienceId)
                        .add("on", true).build());
                assertEquals(agent.name() + " is typing…", browser.text(By.id("cq-typing")));
                // Emojis come from the picker (ChromeDriver types no characters beyond the BMP).
                browser.type(By.id("cq-text"), "My order is late ");
                browser.click(By.id("cq-emoji-button"));
                views(browser, "widget-conversation");
                browser.click(By.xpath("//button[@class='cq-emoji' and text()='😢']"));
                assertFalse(browser.visible(By.id("cq-text")).getAttribute("value").isEmpty());
                browser.press(By.id("cq-text"), Keys.ENTER);
                browser.waitUntil(d -> customerTexts(agent, audienceId).contains("My order is late 😢"));
            }
            // A picture goes over the attachment endpoint and comes back as a thumbnail.
            browser.chooseFile(By.id("cq-file"), picture());
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
                    "const img = document.querySelector('#cq-messages img.cq-thumb');"
                    + " return !!img && img.complete && img.naturalWidth > 0;")));
            assertTrue(api.get("api/v1/audiences/" + audienceId + "/messages", agent.token()).expect(200)
                    .asList(MessageResponse.class).stream().anyMatch(m -> m.attachment() != null
                            && "image/png".equals(m.attachment().contentType())), "the agent gets the picture");

            // The network goes; both sides write meanwhile; it comes back.
            network.cut();
            browser.waitUntil(d -> d.findElement(By.id("cq-status")).getText().startsWith("Connection lost"));
            browser.type(By.id("cq-text"), "Written offline 1");
            browser.press(By.id("cq-text"), Keys.ENTER);
            browser.type(By.id("cq-text"), "Written offline 2");
            browser.press(By.id("cq-text"), Keys.ENTER);
            agentSays(agent, audienceId, "a-2", "Sent while you were away");
            views(browser, "widget-reconnecting");
            network.restore();
            browser.waitUntil(Duration.ofSeconds(40), d -> shown(browser).contains("Sent while you were away")
                    && customerTexts(agent, audienceId).contains("Written offline 2"));
            browser.waitUntil(d -> !browser.has(By.cssSelector(".cq-pending")));
            List<String> expected = List.of("Hello Wendy, how can I help?", "My order is late 😢", "Written offline 1",
                    "Written offline 2", "Sent while you were away");
            assertEachOnce(expected, shown(browser), "on the customer's screen");
            assertEachOnce(List.of("My order is late 😢", "Written offline 1", "Written offline 2"),
                    customerTexts(agent, audienceId), "stored");
            browser.waitUntil(d -> d.findElement(By.id("cq-status")).getText().isEmpty());

            // A reload of the host page returns to the same conversation, read again.
            browser.leaveFrame();
            browser.reload();
            browser.enterFrame(FRAME);
            browser.waitUntil(d -> shown(browser).size() == expected.size());
            assertEachOnce(expected, shown(browser), "after the reload");
            assertEquals("You are chatting with " + agent.name(), browser.text(By.id("cq-agent")));
            agentSays(agent, audienceId, "a-3", "Welcome back");
            browser.waitUntil(d -> shown(browser).contains("Welcome back"));

            browser.click(By.id("cq-end"));
            assertEquals("End conversation?", browser.text(By.cssSelector(".cq-confirm p")));
            views(browser, "widget-end-confirmation");
            browser.press(By.id("cq-confirm-no"), Keys.ESCAPE);
            assertFalse(browser.has(By.cssSelector(".cq-confirm")), "Escape cancels the confirmation");
            assertTrue(browser.has(By.id("cq-messages")), "and the conversation goes on");
            browser.click(By.id("cq-end"));
            browser.click(By.id("cq-confirm-yes"));

            browser.visible(By.cssSelector(".cq-rate[data-rating='1']"));
            views(browser, "widget-rating");
            browser.click(By.cssSelector(".cq-rate[data-rating='1']"));
            assertEquals("Thanks for the rating!", browser.text(By.cssSelector(".cq-rated")));
            assertTrue(browser.has(By.id("cq-post")) && !browser.has(By.cssSelector(".cq-rate")),
                    "the questions remain, the rating is given");
            browser.click(By.id("cq-post-send"));
            assertEquals("Required", browser.text(By.id("post-0-error")));
            browser.click(By.id("post-0-0"));
            browser.click(By.id("cq-post-send"));
            browser.waitUntil(d -> "Thank you for contacting us!".equals(
                    d.findElement(By.cssSelector("#cq-view h2")).getText()));
            views(browser, "widget-thanks");

            AudienceResponse ended = api.get("api/v1/audiences/" + audienceId, agent.token()).expect(200)
                    .as(AudienceResponse.class);
            assertEquals("FINISHED", ended.state());
            assertEquals(1, ended.rating());
            assertEquals(Map.of("solved", "yes"), ended.postAnswers());
        }
    }

    /**
     * With its only queue closed, the widget shows the closed text, when it opens next and the
     * contact form; the contact is stored and the queue's activity log says so.
     */
    @Test
    void aClosedQueueTakesTheCustomersContactDetails() {
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        api.post("api/v1/queues/" + queue.id() + "/close", organization.ownerToken(), null).expect(200);
        ZonedDateTime inTwoHours = ZonedDateTime.now().plusHours(2);
        api.putJson("api/v1/queues/" + queue.id() + "/schedule", organization.ownerToken(),
                Schedules.openingAt(inTwoHours, null)).expect(200);
        String siteKey = site(organization, List.of(queue.id()), false);

        try (Browser browser = Browser.open(api)) {
            browser.windowSize(1280, 800);
            browser.go(shopPage(siteKey));
            browser.enterFrame(FRAME);
            browser.click(By.id("cq-bar"));
            assertEquals("We are closed now", browser.text(By.cssSelector("#cq-view .cq-text")));
            assertTrue(browser.text(By.cssSelector(".cq-next-open")).startsWith("Next open "),
                    "says when the queue opens");
            browser.click(By.id("cq-contact-send"));
            assertEquals("Required", browser.text(By.id("contact-0-error")));
            assertEquals("Required", browser.text(By.id("contact-3-error")));
            browser.type(By.id("contact-0"), "Connie Contact");
            browser.type(By.id("contact-3"), "Please call me about my order.");
            browser.click(By.id("cq-contact-send"));
            assertEquals("Give an e-mail address or a phone number.", browser.text(By.id("contact-1-error")));
            views(browser, "widget-closed");
            browser.type(By.id("contact-1"), "connie@example.com");
            browser.click(By.id("cq-contact-send"));
            browser.waitUntil(d -> d.findElement(By.cssSelector("#cq-view h2")).getText().startsWith("Thank you!"));
            views(browser, "widget-contact-sent");
        }
        List<QueueLogEntryResponse> log = api.get("api/v1/queues/" + queue.id() + "/log", agent.token()).expect(200)
                .asList(QueueLogEntryResponse.class);
        assertTrue(log.stream().anyMatch(line -> "REGISTERED_CONTACT".equals(line.kind())
                && "Connie Contact".equals(line.customerName())), "the contact is in the activity log: " + log);
    }

    /** Markup typed by either side is shown as the characters typed, and runs nowhere. */
    @Test
    void whatPeopleTypeIsShownAsText() {
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        String siteKey = site(organization, List.of(queue.id()), false);
        try (Browser browser = Browser.open(api)) {
            browser.go(shopPage(siteKey));
            browser.enterFrame(FRAME);
            browser.click(By.id("cq-bar"));
            browser.click(By.cssSelector(".cq-queue[data-queue-id='" + queue.id() + "']"));
            browser.type(By.id("pre-0"), HOSTILE_IMG);
            browser.click(By.cssSelector("#pre-1 option[value='other']"));
            browser.click(By.id("cq-start"));
            browser.visible(By.id("cq-position"));
            AudienceResponse picked = api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null)
                    .expect(200).as(AudienceResponse.class);
            agentSays(agent, picked.audienceId(), "a-1", HOSTILE_SCRIPT);
            agentSays(agent, picked.audienceId(), "a-2", HOSTILE_IMG);
            browser.type(By.id("cq-text"), HOSTILE_IMG + " " + HOSTILE_SCRIPT);
            browser.press(By.id("cq-text"), Keys.ENTER);
            browser.waitUntil(d -> shown(browser).size() == 3 && !browser.has(By.cssSelector(".cq-pending")));
            assertEquals(List.of(HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_IMG + " " + HOSTILE_SCRIPT), shown(browser));
            assertFalse(browser.has(By.cssSelector("#cq-messages img, #cq-messages script")), "no element was made");
            assertEquals(null, browser.script("return window.cqPwned === undefined ? null : window.cqPwned;"));
            browser.screenshot("widget-hostile-text");
        }
    }

    /**
     * The run command's demo page embeds the widget for the demo organization, without sign-in;
     * Escape minimizes it and gives the focus back to the bar. The chat speaks the language asked
     * for, its own words and the site's texts alike.
     */
    @Test
    void theDemoPageEmbedsTheWidget() {
        try (Browser browser = Browser.open(api)) {
            browser.windowSize(1280, 800);
            browser.go("demo/");
            browser.enterFrame(FRAME);
            browser.click(By.id("cq-bar"));
            browser.visible(By.cssSelector(".cq-queue"));
            browser.leaveFrame();
            browser.screenshot("widget-demo-page");
            browser.enterFrame(FRAME);
            browser.press(By.cssSelector(".cq-queue"), Keys.ESCAPE);
            browser.visible(By.id("cq-bar"));
            assertEquals("cq-bar", browser.script("return document.activeElement.id;"));

            browser.leaveFrame();
            browser.go("widget/chat.html?site=demo&lang=fi");
            browser.click(By.id("cq-bar"));
            assertEquals("Hei! Miten voimme auttaa?", browser.text(By.cssSelector(".cq-welcome")));
            assertEquals("Kenen kanssa haluat keskustella?", browser.text(By.cssSelector("#cq-view h2")));
            assertEquals("fi", browser.script("return document.documentElement.lang;"));
        }
    }

    // --- set-up through the API ---

    /** A site offering these queues, embeddable on the shop's origin; its key. */
    String site(Api.Organization organization, List<String> queueIds, boolean rating) {
        String queues = String.join("\",\"", queueIds);
        String body = """
                {"name": "IT shop", "defaultLanguage": "en",
                 "texts": {"en": {"welcome": "Welcome to the IT shop", "motd": "Free delivery this week",
                                  "closed": "We are closed now", "queueing": "An agent will be with you soon."}},
                 "preQuestionnaire": [
                   {"name": "name", "label": {"en": "Your name"}, "type": "TEXT", "required": true, "options": []},
                   {"name": "topic", "label": {"en": "Topic"}, "type": "SELECT", "required": true,
                    "options": [{"value": "order", "label": {"en": "An order"}},
                                {"value": "other", "label": {"en": "Something else"}}]},
                   {"name": "news", "label": {"en": "Send me the newsletter"}, "type": "CHECKBOX", "required": false,
                    "options": []}],
                 "postQuestionnaire": [
                   {"name": "solved", "label": {"en": "Was your question answered?"}, "type": "RADIO", "required": true,
                    "options": [{"value": "yes", "label": {"en": "Yes"}}, {"value": "no", "label": {"en": "No"}}]}],
                 "queueIds": ["%s"], "autoQueueId": null, "rating": %s, "attachments": true, "video": false,
                 "allowedOrigins": ["%s"]}
                """.formatted(queues, rating, shopOrigin());
        Api.Reply reply = api.postRaw("api/v1/sites", organization.ownerToken(), "application/json", body);
        return json(reply.expect(201).body()).getString("siteKey");
    }

    void agentSays(Api.Agent agent, String audienceId, String clientMessageId, String text) {
        api.post("api/v1/audiences/" + audienceId + "/messages", agent.token(),
                new PostMessageRequest(clientMessageId, text)).expect(201);
    }

    List<String> customerTexts(Api.Agent agent, String audienceId) {
        return api.get("api/v1/audiences/" + audienceId + "/messages", agent.token()).expect(200)
                .asList(MessageResponse.class).stream()
                .filter(m -> "customer".equals(m.from().role()) && m.text() != null)
                .map(MessageResponse::text).toList();
    }

    /** A small PNG picture in a temporary file. */
    static Path picture() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x1d4ed8));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(16, 8, 32, 32);
        graphics.dispose();
        Path file = Files.createTempDirectory("widget-it").resolve("receipt.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    // --- the widget in the browser ---

    @SuppressWarnings("unchecked")
    static List<String> shown(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#cq-messages .cq-msg:not(.cq-pending)"
                + " .cq-bubble:not(.cq-file)')].map(e => e.textContent);");
    }

    static void assertEachOnce(List<String> texts, List<String> shown, String where) {
        for (String text : texts) {
            assertEquals(1, Collections.frequency(shown, text), "'" + text + "' once " + where + ": " + shown);
        }
    }

    /**
     * The view as it is now: photographed at a phone's and a laptop's size (the loader resizes
     * the frame), and checked with axe-core inside the widget's frame.
     */
    static void views(Browser browser, String name) {
        for (int[] size : new int[][] {{390, 844}, {1280, 800}}) {
            browser.windowSize(size[0], size[1]);
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return window.innerWidth > 0;")));
            pause();
            browser.screenshot(name + (size[0] < 600 ? "-phone" : "-desktop"));
        }
        accessible(browser, name);
    }

    private static void pause() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No serious or critical axe-core violations in the widget's document (the frame must be entered). */
    static void accessible(Browser browser, String view) {
        Path axe = Path.of(System.getProperty("carequeue.axe", "target/axe/node_modules/axe-core/axe.min.js"));
        if (!Files.isRegularFile(axe)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(axe + " is missing: the build installs it with npm");
            }
            System.out.println("axe-core missing (" + axe + "): " + view + " not checked");
            return;
        }
        try {
            browser.script(Files.readString(axe) + "\n;window.axe = axe;");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String answer = (String) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map(v =>"
                + " ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))),"
                + " e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])));");
        List<String> serious = new ArrayList<>();
        for (JsonValue value : Json.createReader(new StringReader(answer)).readArray()) {
            JsonObject violation = value.asJsonObject();
            String line = violation.getString("impact", "?") + " " + violation.getString("id") + ": "
                    + violation.getString("help") + " " + violation.getJsonArray("nodes");
            System.out.println("axe " + view + ": " + line);
            if ("serious".equals(violation.getString("impact", "")) || "critical".equals(violation.getString("impact", ""))) {
                serious.add(line);
            }
        }
        assertEquals(List.of(), serious, "serious or critical accessibility violations in " + view);
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
