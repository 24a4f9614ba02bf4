package org.carequeue.web.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files and pictures both ways: stored as messages, pushed to the other side after commit, served
 * only to the audience's customer and its queue's agents with safe headers; over-size and refused
 * types store nothing; the queue's setting decides who may send.
 */
class AttachmentsIT extends AgainstBuiltWar {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    Api api;
    AttachmentClient files;
    Api.Organization organization;
    Api.Agent agent;
    QueueResponse queue;
    CustomerRequestResponse customer;

    @BeforeEach
    void aConversation() {
        api = api();
        files = new AttachmentClient(api);
        organization = api.signUp();
        agent = api.agent(organization);
        queue = api.openQueue(organization, 10, agent);
        customer = api.request(queue.id(), "Carla", null);
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
    }

    @Test
    void aCustomersPictureReachesTheAgentWithAThumbnail() {
        byte[] photo = AttachmentClient.picture("png", 1200, 900);
        try (ChatSocket agentSocket = ChatSocket.authenticated(api, agent.token())) {
            // The declared type and the name's extension are only hints: the bytes are a PNG.
            AttachmentClient.Reply stored = files.upload(customer.audienceId(), customer.customerToken(), "c-photo",
                    "holiday photo.png", "application/octet-stream", photo);
            assertEquals(201, stored.status(), stored.asApiReply().body());
            PostMessageResponse ack = stored.asApiReply().as(PostMessageResponse.class);
            assertEquals("c-photo", ack.clientMessageId());

            JsonObject frame = agentSocket.until("message");
            assertEquals(ack.seq(), frame.getJsonNumber("seq").longValue());
            assertFalse(frame.containsKey("text"), "an attachment instead of a text: " + frame);
            assertEquals("customer", frame.getJsonObject("from").getString("role"));
            JsonObject pushed = frame.getJsonObject("attachment");
            assertEquals("holiday photo.png", pushed.getString("name"));
            assertEquals("image/png", pushed.getString("contentType"));
            assertEquals(photo.length, pushed.getJsonNumber("size").longValue());
            String id = pushed.getString("id");
            assertEquals("/api/v1/audiences/" + customer.audienceId() + "/attachments/" + id, pushed.getString("url"));
            assertEquals(pushed.getString("url") + "/thumbnail", pushed.getString("thumbnailUrl"));
        }

        AttachmentResponse listed = onlyAttachment(messages(agent.token()));
        assertEquals(listed, onlyAttachment(messages(customer.customerToken())));

        AttachmentClient.Reply file = files.download(listed.url(), agent.token());
        assertEquals(200, file.status());
        assertArrayEquals(photo, file.bytes());
        assertEquals("image/png", file.header("Content-Type"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"));
        assertEquals("inline; filename=\"holiday photo.png\"; filename*=UTF-8''holiday%20photo.png",
                file.header("Content-Disposition"));

        AttachmentClient.Reply thumbnail = files.download(listed.thumbnailUrl(), customer.customerToken());
        assertEquals(200, thumbnail.status());
        assertEquals("image/png", thumbnail.header("Content-Type"));
        assertEquals("nosniff", thumbnail.header("X-Content-Type-Options"));
        BufferedImage scaled = AttachmentClient.read(thumbnail.bytes());
        assertEquals(320, scaled.getWidth(), "scaled down to 320 pixels a side, keeping the proportions");
        assertEquals(240, scaled.getHeight());
    }

    @Test
    void anAgentsDocumentReachesTheCustomerAsADownloadWithASafeName() {
        try (ChatSocket customerSocket = ChatSocket.authenticated(api, customer.customerToken())) {
            // A path, a right-to-left override making "fdp.exe" read as "exe.pdf", and an extension that lies.
            AttachmentClient.Reply stored = files.upload(customer.audienceId(), agent.token(), "a-doc",
                    "..\\..//etc/\u202Efdp.exe", "image/png", AttachmentClient.pdf());
            assertEquals(201, stored.status(), stored.asApiReply().body());

            JsonObject pushed = customerSocket.until("message").getJsonObject("attachment");
            assertEquals("fdp.exe.pdf", pushed.getString("name"));
            assertEquals("application/pdf", pushed.getString("contentType"));
            assertFalse(pushed.containsKey("thumbnailUrl"), "only pictures have thumbnails");

            AttachmentClient.Reply file = files.download(pushed.getString("url"), customer.customerToken());
            assertEquals(200, file.status());
            assertArrayEquals(AttachmentClient.pdf(), file.bytes());
            assertEquals("application/pdf", file.header("Content-Type"));
            assertEquals("nosniff", file.header("X-Content-Type-Options"));
            assertEquals("attachment; filename=\"fdp.exe.pdf\"; filename*=UTF-8''fdp.exe.pdf",
                    file.header("Content-Disposition"));
            assertEquals(404, files.download(pushed.getString("url") + "/thumbnail", customer.customerToken()).status());
        }

        // Names outside ASCII keep their letters in filename*; the quoted fallback is plain ASCII.
        files.upload(customer.audienceId(), agent.token(), "a-invoice", "Lasku \"✓\" 2024.pdf", "application/pdf",
                AttachmentClient.pdf()).asApiReply().expect(201);
        AttachmentResponse invoice = attachments(messages(agent.token())).get(1);
        assertEquals("Lasku _✓_ 2024.pdf", invoice.name());
        assertEquals("attachment; filename=\"Lasku ___ 2024.pdf\"; filename*=UTF-8''Lasku%20_%E2%9C%93_%202024.pdf",
                files.download(invoice.url(), agent.token()).header("Content-Disposition"));

        // An overlong name is cut, keeping its extension.
        files.upload(customer.audienceId(), agent.token(), "a-long", "x".repeat(300) + ".pdf", "application/pdf",
                AttachmentClient.pdf()).asApiReply().expect(201);
        assertEquals("x".repeat(100) + ".pdf", attachments(messages(agent.token())).get(2).name());
    }

    @Test
    void documentsAndTextAreTakenByTheirBytesAndHtmlIsOnlyText() {
        byte[] word = AttachmentClient.zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
        files.upload(customer.audienceId(), customer.customerToken(), "c-word", "cv", "application/zip", word)
                .asApiReply().expect(201);
        byte[] page = "<html><script>alert(1)</script>Hyvää päivää</html>".getBytes(StandardCharsets.UTF_8);
        files.upload(customer.audienceId(), customer.customerToken(), "c-page", "page.html", "text/html", page)
                .asApiReply().expect(201);

        List<AttachmentResponse> stored = attachments(messages(customer.customerToken()));
        assertEquals("cv.docx", stored.get(0).name());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                stored.get(0).contentType());
        assertEquals("page.html.txt", stored.get(1).name());
        AttachmentClient.Reply text = files.download(stored.get(1).url(), agent.token());
        assertEquals("text/plain;charset=utf-8", text.header("Content-Type").replace(" ", "").toLowerCase());
        assertTrue(text.header("Content-Disposition").startsWith("attachment;"), text.header("Content-Disposition"));
        assertArrayEquals(page, text.bytes());
    }

    @Test
    void onlyTheCustomerAndTheQueuesAgentsReadTheFiles() {
        files.upload(customer.audienceId(), customer.customerToken(), "c-photo", "a.png", "image/png",
                AttachmentClient.picture("png", 40, 30)).asApiReply().expect(201);
        AttachmentResponse photo = onlyAttachment(messages(customer.customerToken()));

        Api.Agent stranger = api.agent(api.signUp());
        AttachmentClient.Reply otherOrganization = files.download(photo.url(), stranger.token());
        assertEquals(404, otherOrganization.status());
        assertEquals("audience_not_found", otherOrganization.problem().code());
        assertEquals(404, files.download(photo.thumbnailUrl(), stranger.token()).status());

        CustomerRequestResponse otherCustomer = api.request(queue.id(), "Oscar", null);
        AttachmentClient.Reply otherAudience = files.download(photo.url(), otherCustomer.customerToken());
        assertEquals(404, otherAudience.status());
        assertEquals("audience_not_found", otherAudience.problem().code());
        // Their own audience does not serve another audience's file either.
        AttachmentClient.Reply viaOwnAudience = files.download(photo.url().replace(customer.audienceId(),
                otherCustomer.audienceId()), otherCustomer.customerToken());
        assertEquals(404, viaOwnAudience.status());
        assertEquals("not_found", viaOwnAudience.problem().code());

        Api.Agent colleague = api.agent(organization);
        AttachmentClient.Reply notAMember = files.download(photo.url(), colleague.token());
        assertEquals(403, notAMember.status());
        assertEquals("forbidden", notAMember.problem().code());

        assertEquals(401, files.download(photo.url(), null).status());

        Api.Agent member = api.agent(organization);
        api.put("api/v1/queues/" + queue.id() + "/members/" + member.id(), organization.ownerToken(), null).expect(200);
        assertEquals(200, files.download(photo.url(), member.token()).status(), "members of the queue read its files");
    }

    @Test
    void overSizeAndRefusedTypesAreProblemsAndStoreNothing() {
        byte[] tooLarge = new byte[(int) MAX_BYTES + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        AttachmentClient.Reply large = files.upload(customer.audienceId(), customer.customerToken(), "c-1", "big.txt",
                "text/plain", tooLarge);
        assertEquals(413, large.status());
        Problem problem = large.problem();
        assertEquals("payload_too_large", problem.code());
        assertEquals("Files may be at most 20 MB", problem.detail());

        for (byte[] refused : List.of(AttachmentClient.executable(), AttachmentClient.zip("a.txt", "b.txt"),
                AttachmentClient.zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
                new byte[] {0x00, 0x01, 0x02, (byte) 0xFF})) {
            AttachmentClient.Reply reply = files.upload(customer.audienceId(), customer.customerToken(), "c-1", "photo.png",
                    "image/png", refused);
            assertEquals(415, reply.status(), reply.asApiReply().body());
            assertEquals("unsupported_media_type", reply.problem().code());
        }
        AttachmentClient.Reply empty = files.upload(customer.audienceId(), customer.customerToken(), "c-1", "empty.txt",
                "text/plain", new byte[0]);
        assertEquals(400, empty.status());

        assertEquals(List.of(), messages(customer.customerToken()), "nothing was stored");
        // Nothing took clientMessageId c-1 or a sequence number: the next file is message 1.
        byte[] exactlyAtTheLimit = Arrays.copyOf(tooLarge, (int) MAX_BYTES);
        AttachmentClient.Reply atLimit = files.upload(customer.audienceId(), customer.customerToken(), "c-1", "big.txt",
                "text/plain", exactlyAtTheLimit);
        assertEquals(201, atLimit.status(), atLimit.asApiReply().body());
        assertEquals(1, atLimit.asApiReply().as(PostMessageResponse.class).seq());
        assertEquals(MAX_BYTES, onlyAttachment(messages(agent.token())).size());
    }

    @Test
    void aRetriedUploadReturnsTheFirstMessage() {
        byte[] photo = AttachmentClient.picture("jpg", 64, 48);
        AttachmentClient.Reply first = files.upload(customer.audienceId(), customer.customerToken(), "c-retry", "a.jpg",
                "image/jpeg", photo);
        AttachmentClient.Reply again = files.upload(customer.audienceId(), customer.customerToken(), "c-retry", "a.jpg",
                "image/jpeg", photo);
        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.asApiReply().as(PostMessageResponse.class), again.asApiReply().as(PostMessageResponse.class));
        assertEquals(1, messages(agent.token()).size());
        // A text and a file share the sender's ids: the id is taken.
        api.post("api/v1/audiences/" + customer.audienceId() + "/messages", customer.customerToken(),
                new PostMessageRequest("c-retry", "hello")).expect(200);
        assertEquals(1, messages(agent.token()).size());
    }

    @Test
    void theQueueSettingDecidesWhoMaySendFiles() {
        String settings = "api/v1/queues/" + queue.id() + "/settings";
        assertEquals("MEMBERS", queue.attachments(), "a new queue lets both sides send files");

        QueueResponse agentOnly = api.put(settings, organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 10, false).withAttachments("AGENT_ONLY")).expect(200).as(QueueResponse.class);
        assertEquals("AGENT_ONLY", agentOnly.attachments());
        AttachmentClient.Reply refused = files.upload(customer.audienceId(), customer.customerToken(), "c-1", "a.pdf",
                "application/pdf", AttachmentClient.pdf());
        assertEquals(403, refused.status());
        assertEquals("forbidden", refused.problem().code());
        assertEquals("In this queue only the agent can send files", refused.problem().detail());
        files.upload(customer.audienceId(), agent.token(), "a-1", "a.pdf", "application/pdf", AttachmentClient.pdf())
                .asApiReply().expect(201);

        // A request without the field keeps the rule.
        QueueResponse renamed = api.put(settings, organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name() + " 2", 10, false)).expect(200).as(QueueResponse.class);
        assertEquals("AGENT_ONLY", renamed.attachments());

        api.put(settings, organization.ownerToken(), QueueSettingsRequest.basic(queue.name(), 10, false).withAttachments("NOBODY"))
                .expect(200);
        AttachmentClient.Reply agentRefused = files.upload(customer.audienceId(), agent.token(), "a-2", "a.pdf",
                "application/pdf", AttachmentClient.pdf());
        assertEquals(403, agentRefused.status());
        assertEquals("Files cannot be sent in this queue", agentRefused.problem().detail());
        assertEquals(1, messages(agent.token()).size());

        Problem wrong = api.put(settings, organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 10, false).withAttachments("EVERYONE")).expect(400).problem();
        assertEquals("attachments", wrong.field());
        Problem notOperator = api.put(settings, agent.token(),
                QueueSettingsRequest.basic(queue.name(), 10, false).withAttachments("MEMBERS")).expect(403).problem();
        assertEquals("forbidden", notOperator.code());

        api.put(settings, organization.ownerToken(), QueueSettingsRequest.basic(queue.name(), 10, false).withAttachments("members"))
                .expect(200);
        files.upload(customer.audienceId(), customer.customerToken(), "c-1", "a.pdf", "application/pdf", AttachmentClient.pdf())
                .asApiReply().expect(201);
    }

    @Test
    void anEndedConversationTakesNoFiles() {
        api.post("api/v1/audiences/" + customer.audienceId() + "/end", agent.token(), null).expect(200);
        AttachmentClient.Reply refused = files.upload(customer.audienceId(), customer.customerToken(), "c-1", "a.pdf",
                "application/pdf", AttachmentClient.pdf());
        assertEquals(409, refused.status());
        assertEquals("audience_ended", refused.problem().code());
        assertNotNull(messages(customer.customerToken()));
        assertTrue(messages(customer.customerToken()).isEmpty());
    }

    private List<MessageResponse> messages(String token) {
        return api.get("api/v1/audiences/" + customer.audienceId() + "/messages?since=0", token).expect(200)
                .asList(MessageResponse.class);
    }

    private static List<AttachmentResponse> attachments(List<MessageResponse> messages) {
        messages.forEach(m -> assertNull(m.text(), "an attachment message has no text"));
        return messages.stream().map(MessageResponse::attachment).toList();
    }

    private static AttachmentResponse onlyAttachment(List<MessageResponse> messages) {
        assertEquals(1, messages.size(), messages.toString());
        return attachments(messages).get(0);
    }
}
