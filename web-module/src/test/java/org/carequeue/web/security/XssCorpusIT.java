package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.cannedmessage.CannedMessageRequest;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.api.contact.ContactCommentRequest;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.note.AudienceNotesRequest;
import org.carequeue.api.note.AudienceNotesResponse;
import org.carequeue.api.note.NoteFieldRequest;
import org.carequeue.api.note.NoteFieldsRequest;
import org.carequeue.api.queue.CreateQueueRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.tag.AudienceTagsRequest;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Hostile strings in every field a customer, an agent or an operator can fill, put in through the
 * API, then looked at in the desk, the admin and the widget in headless Chromium: on every page
 * nothing runs ({@code window.__xss} stays undefined, no alert, no refusal by the page's CSP, no
 * element made of the input) and each string shows as the characters typed (EL and template
 * syntax unevaluated: "#{7*7}" stays, never "49").
 */
class XssCorpusIT extends AgainstBuiltWar {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    static final String SVG = "\"><svg onload=window.__xss=1>";
    static final String JAVASCRIPT_URL = "javascript:window.__xss=1";
    static final String MUSTACHE = "{{7*7}}";
    static final String EL_DEFERRED = "#{7*7}";
    static final String EL_IMMEDIATE = "${7*7}";
    static final String TEXTAREA = "</textarea><script>window.__xss=1</script>";
    static final String QUOTES = "'\"; window.__xss=1; //";
    /** RIGHT-TO-LEFT OVERRIDE: shown reversed, but it must stay one character of text. */
    static final String RTL_OVERRIDE = "invoice\u202Efdp.exe";
    static final String ZERO_WIDTH_JOINER = "a\u200Db\u200Dc";
    static final String ENTITIES = "&lt;b&gt;&amp;";
    static final List<String> CORPUS = List.of(SCRIPT, IMG, SVG, JAVASCRIPT_URL, MUSTACHE, EL_DEFERRED, EL_IMMEDIATE,
            TEXTAREA, QUOTES, RTL_OVERRIDE, ZERO_WIDTH_JOINER, ENTITIES);

    // One-line fields take a mix (tags hold at most 60 characters).
    static final String CUSTOMER_NAME = IMG + " " + EL_DEFERRED;
    static final String AGENT_NAME = SVG + " " + EL_IMMEDIATE;
    static final String QUEUE_NAME = SCRIPT + MUSTACHE;
    static final String TAG_CATEGORY = "<b>" + EL_DEFERRED + "</b>" + QUOTES;
    static final String TAG_SUB = TEXTAREA;
    static final String NOTE_LABEL = "<i>Reason</i> " + EL_IMMEDIATE;
    static final String CANNED = "Hi " + IMG + " " + EL_DEFERRED;
    static final String CANNED_MINE = "Bye " + TEXTAREA + " " + EL_IMMEDIATE;
    static final String SITE_NAME = "<svg onload=window.__xss=1>" + ZERO_WIDTH_JOINER;
    static final String WELCOME = SCRIPT + " " + EL_DEFERRED;
    static final String MOTD = IMG + " " + RTL_OVERRIDE;
    static final String QUESTION = "<b>Your name</b> " + EL_IMMEDIATE;
    static final String FILE_NAME = EL_DEFERRED + EL_IMMEDIATE + "'onerror=window.__xss=1'.png";
    static final String CONTACT_MESSAGE = TEXTAREA + "\n" + EL_DEFERRED;
    static final String COMMENT = SVG + " " + MUSTACHE;

    Api api;
    Api.Organization organization;

    @Test
    void hostileStringsShowAsTextInTheDeskTheAdminAndTheWidget() throws Exception {
        api = api();
        organization = api.signUp();
        String owner = organization.ownerToken();
        String agentUsername = Api.unique("agent");
        AgentResponse created = api.post("api/v1/agents", owner,
                new CreateAgentRequest(agentUsername, AGENT_NAME, null, Api.PASSWORD, "AGENT")).expect(201)
                .as(AgentResponse.class);
        Api.Agent agent = new Api.Agent(created.agentId(), created.name(), api.signIn(agentUsername), agentUsername);
        assertEquals(AGENT_NAME, agent.name());
        QueueResponse queue = api.post("api/v1/queues", owner, new CreateQueueRequest(QUEUE_NAME, 20)).expect(201)
                .as(QueueResponse.class);
        api.put("api/v1/queues/" + queue.id() + "/members/" + agent.id(), owner, null).expect(200);
        api.post("api/v1/queues/" + queue.id() + "/open", owner, null).expect(200);

        TagResponse category = api.post("api/v1/tags", owner, new TagRequest(TAG_CATEGORY, "#7c3aed", null))
                .expect(201).as(TagResponse.class);
        TagResponse sub = api.post("api/v1/tags", owner, new TagRequest(TAG_SUB, "#16a34a", category.id()))
                .expect(201).as(TagResponse.class);
        api.post("api/v1/canned-messages", owner, new CannedMessageRequest("hostile", CANNED,
                CannedMessageResponse.ORGANIZATION)).expect(201);
        api.put("api/v1/queues/" + queue.id() + "/note-fields", owner, new NoteFieldsRequest(List.of(
                new NoteFieldRequest(null, NOTE_LABEL, "TEXT", List.of()),
                new NoteFieldRequest(null, "Outcome " + MUSTACHE, "CHOICE", List.of(SCRIPT, EL_DEFERRED))))).expect(200);
        String siteKey = site(queue.id());

        // Two customers who filled every field with the corpus: one talks with the agent, one waits.
        CustomerRequestResponse talking = hostileCustomer(queue.id());
        String audience = "api/v1/audiences/" + talking.audienceId();
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), new PickRequest(talking.audienceId())).expect(200);
        for (int i = 0; i < CORPUS.size(); i++) {
            boolean fromCustomer = i % 2 == 0;
            api.post(audience + "/messages", fromCustomer ? talking.customerToken() : agent.token(),
                    new PostMessageRequest("m-" + i, CORPUS.get(i))).expect(201);
        }
        String fileName = upload(talking, FILE_NAME).name();
        api.post("api/v1/canned-messages", agent.token(), new CannedMessageRequest("mine", CANNED_MINE,
                CannedMessageResponse.PERSONAL)).expect(201);
        api.put(audience + "/tags", agent.token(), new AudienceTagsRequest(List.of(category.id(), sub.id()))).expect(200);
        AudienceNotesResponse form = api.get(audience + "/notes", agent.token()).expect(200).as(AudienceNotesResponse.class);
        api.put(audience + "/notes", agent.token(), new AudienceNotesRequest(Map.of(
                form.notes().get(0).fieldId(), TEXTAREA, form.notes().get(1).fieldId(), SCRIPT))).expect(200);
        ContactResponse contact = api.post("api/v1/queues/" + queue.id() + "/contacts", null,
                new ContactRequest(CUSTOMER_NAME, "carla@shop.example", null, CONTACT_MESSAGE, answers())).expect(201)
                .as(ContactResponse.class);
        api.put("api/v1/contacts/" + contact.id() + "/comment", agent.token(), new ContactCommentRequest(COMMENT))
                .expect(200);

        CustomerRequestResponse waiting = hostileCustomer(queue.id());
        // Present, as the widget would be: a waiting customer without a socket is dropped after a while.
        try (ChatSocket waitingPresent = ChatSocket.authenticated(api, waiting.customerToken());
             Browser desk = Browser.open(api)) {
            desk.go("desk/queue.xhtml?id=" + queue.id()).signIn(agent.username(), Api.PASSWORD);
            desk.visible(By.cssSelector(".cq-pick[data-audience-id='" + waiting.audienceId() + "']"));
            assertSafe(desk, "the desk's queue view", List.of(QUEUE_NAME, CUSTOMER_NAME), CORPUS, keys());

            desk.click(By.linkText("Activity log"));
            desk.click(By.cssSelector("a[data-contact-id='" + contact.id() + "']"));
            desk.waitUntil(d -> d.findElement(By.id("contactDialog")).isDisplayed());
            assertEquals(CONTACT_MESSAGE, textOf(desk, "contactMessage"));
            assertEquals(CUSTOMER_NAME, textOf(desk, "contactName"));
            assertEquals(COMMENT, desk.script("return document.getElementById('contactForm:comment').value;"));
            assertSafe(desk, "the registered contact", List.of(CUSTOMER_NAME), CORPUS);

            desk.go("desk/conversation.xhtml?id=" + talking.audienceId());
            desk.visible(By.id("started"));
            desk.waitUntil(d -> d.findElement(By.id("conversation:messages")).getText().contains(fileName));
            List<String> typed = new ArrayList<>(List.of(QUOTES));
            typed.addAll(CORPUS);
            assertEquals(typed, bubbles(desk), "every message as typed, in order");
            assertEquals(TEXTAREA, desk.script("return document.querySelector(\"input[data-note]\").value;"));
            assertSafe(desk, "the desk's conversation view", List.of(CUSTOMER_NAME, QUEUE_NAME, fileName, CANNED,
                    CANNED_MINE, TAG_CATEGORY + " / " + TAG_SUB, NOTE_LABEL), CORPUS, keys());
            desk.screenshot("xss-corpus-conversation");

            desk.go("desk/canned-messages.xhtml");
            desk.visible(By.id("cannedTableForm:canned"));
            assertSafe(desk, "the desk's canned messages", List.of(CANNED_MINE));
        }

        try (Browser widget = Browser.open(api)) {
            widget.go("widget/chat.html?site=" + siteKey + "&lang=en");
            widget.click(By.id("cq-bar"));
            assertEquals(WELCOME, widget.text(By.cssSelector(".cq-welcome")));
            assertEquals(MOTD, widget.text(By.cssSelector(".cq-motd")));
            assertSafe(widget, "the widget's start", List.of(WELCOME, MOTD, QUEUE_NAME));
            widget.click(By.cssSelector(".cq-queue[data-queue-id='" + queue.id() + "']"));
            widget.visible(By.id("pre-0"));
            assertSafe(widget, "the widget's questionnaire", List.of(QUESTION));
            widget.type(By.id("pre-0"), CUSTOMER_NAME);
            widget.click(By.id("cq-start"));
            widget.visible(By.id("cq-position"));
            String widgetAudience = (String) widget.script("return JSON.parse(sessionStorage.getItem("
                    + "'carequeue.widget." + siteKey + "')).audienceId;");
            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), new PickRequest(widgetAudience)).expect(200);
            assertEquals("You are chatting with " + AGENT_NAME, widget.text(By.id("cq-agent")));
            for (int i = 0; i < CORPUS.size(); i++) {
                api.post("api/v1/audiences/" + widgetAudience + "/messages", agent.token(),
                        new PostMessageRequest("w-" + i, CORPUS.get(i))).expect(201);
            }
            widget.waitUntil(d -> widgetBubbles(widget).size() == CORPUS.size());
            assertEquals(CORPUS, widgetBubbles(widget));
            assertSafe(widget, "the widget's conversation", List.of(AGENT_NAME), CORPUS);
            widget.screenshot("xss-corpus-widget");
        }

        api.post(audience + "/end", agent.token(), null).expect(200);
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/members.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            assertSafe(admin, "the admin's members", List.of(AGENT_NAME));

            admin.go("admin/queues.xhtml");
            admin.visible(By.id("queuesForm:queues"));
            assertSafe(admin, "the admin's queues", List.of(QUEUE_NAME));

            admin.go("admin/tags.xhtml");
            admin.visible(By.cssSelector("section[data-category]"));
            assertSafe(admin, "the admin's tags", List.of(TAG_CATEGORY, TAG_SUB));

            admin.go("admin/canned-messages.xhtml");
            admin.visible(By.id("cannedTableForm:canned"));
            assertSafe(admin, "the admin's canned messages", List.of(CANNED));

            admin.go("admin/sites.xhtml");
            assertSafe(admin, "the admin's sites", List.of(SITE_NAME));

            admin.go("admin/history.xhtml");
            By transcriptLink = By.cssSelector("a[data-audience='" + talking.audienceId() + "']");
            admin.visible(transcriptLink);
            assertSafe(admin, "the admin's history", List.of(CUSTOMER_NAME, QUEUE_NAME, AGENT_NAME));
            admin.click(transcriptLink);
            admin.visible(By.id("messages"));
            admin.waitUntil(d -> d.findElement(By.id("messages")).getText().contains(fileName));
            assertSafe(admin, "the transcript", List.of(CUSTOMER_NAME, QUEUE_NAME, AGENT_NAME, fileName,
                    TAG_CATEGORY + " / " + TAG_SUB), CORPUS, keys());
            admin.screenshot("xss-corpus-transcript");

            admin.go("admin/audit.xhtml");
            assertSafe(admin, "the admin's audit trail", List.of());
        }
    }

    /** A customer whose name, first message, questionnaire answers and metadata (keys and values) are the corpus. */
    private CustomerRequestResponse hostileCustomer(String queueId) {
        return api.post("api/v1/queues/" + queueId + "/requests", null,
                        new CustomerRequest(CUSTOMER_NAME, QUOTES, answers(), null, answers()))
                .expect(201).as(CustomerRequestResponse.class);
    }

    /** Each corpus string as a value, under a key that is hostile too. */
    private static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            answers.put(keys().get(i), CORPUS.get(i));
        }
        return answers;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            keys.add("<u>k" + i + "</u>" + (i % 2 == 0 ? EL_DEFERRED : MUSTACHE));
        }
        return keys;
    }

    private String site(String queueId) {
        String texts = Json.createObjectBuilder().add("welcome", WELCOME).add("motd", MOTD)
                .add("closed", SCRIPT).add("queueing", IMG).build().toString();
        String body = """
                {"name": %s, "defaultLanguage": "en", "texts": {"en": %s},
                 "preQuestionnaire": [{"name": "name", "label": {"en": %s}, "type": "TEXT", "required": true, "options": []}],
                 "postQuestionnaire": [], "queueIds": ["%s"], "autoQueueId": null, "rating": false,
                 "attachments": true, "video": false, "allowedOrigins": []}
                """.formatted(Json.createValue(SITE_NAME), texts, Json.createValue(QUESTION), queueId);
        Api.Reply reply = api.postRaw("api/v1/sites", organization.ownerToken(), "application/json", body).expect(201);
        return Json.createReader(new StringReader(reply.body())).readObject().getString("siteKey");
    }

    /** The customer sends a small PNG under a hostile name; the answer tells the name kept. */
    private AttachmentResponse upload(CustomerRequestResponse customer, String name) throws IOException, InterruptedException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        URI uri = api.base().resolve("api/v1/audiences/" + customer.audienceId() + "/attachments?clientMessageId=file-1&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + customer.customerToken())
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        AttachmentResponse attachment = api.get("api/v1/audiences/" + customer.audienceId() + "/messages",
                        customer.customerToken()).expect(200).asList(MessageResponse.class).stream()
                .map(MessageResponse::attachment).filter(file -> file != null).findFirst().orElseThrow();
        // Kept as given but for what file systems refuse ('*' among it).
        assertEquals(name.replace('*', '_'), attachment.name());
        return attachment;
    }

    @SafeVarargs
    private static void assertSafe(Browser browser, String where, List<String> literals, List<String>... more) {
        assertFalse(browser.alertOpen(), "an alert opened on " + where);
        assertEquals("undefined", browser.script("return typeof window.__xss;"), "script ran on " + where);
        // Elements the input would have made, were it markup: with the CSP they may not run, but must not exist.
        Object made = browser.script("""
                const found = [];
                document.querySelectorAll('img[src="x"], svg[onload], u, script:not([src]):not([nonce])')
                    .forEach(e => e.tagName !== 'SCRIPT' || e.textContent.includes('__xss') ? found.push(e.outerHTML) : null);
                document.querySelectorAll('*').forEach(e => [...e.attributes].forEach(a => {
                    if ((a.name.startsWith('on') && a.value.includes('__xss'))
                            || (['href', 'src', 'action', 'formaction'].includes(a.name)
                                && a.value.trim().toLowerCase().startsWith('javascript:'))) {
                        found.push(e.tagName + ' ' + a.name + '=' + a.value);
                    }
                }));
                return found;""");
        assertEquals(List.of(), made, "markup made of the input on " + where);
        List<String> refused = browser.console().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("__xss")).toList();
        assertEquals(List.of(), refused, "the page tried to run something on " + where);
        String text = (String) browser.script("const copy = document.body.cloneNode(true);"
                + "copy.querySelectorAll('script, style').forEach(e => e.remove()); return copy.textContent;");
        List<String> expected = new ArrayList<>(literals);
        for (List<String> list : more) {
            expected.addAll(list);
        }
        List<String> missing = expected.stream().filter(literal -> !text.contains(literal)).toList();
        assertEquals(List.of(), missing, "shown as typed on " + where);
    }

    private static String textOf(Browser browser, String id) {
        return (String) browser.script("return document.getElementById(arguments[0]).textContent;", id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> bubbles(Browser desk) {
        return (List<String>) desk.script("return [...document.querySelectorAll('.cq-bubble')]"
                + ".filter(e => !e.querySelector('a, img')).map(e => e.textContent);");
    }

    @SuppressWarnings("unchecked")
    private static List<String> widgetBubbles(Browser widget) {
        return (List<String>) widget.script("return [...document.querySelectorAll('#cq-messages .cq-msg:not(.cq-pending)"
                + " .cq-bubble:not(.cq-file)')].map(e => e.textContent);");
    }
}
