package org.carequeue.web.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PostAnswersRequest;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.audience.TransferRequest;
import org.carequeue.api.history.HistoryEntryResponse;
import org.carequeue.api.history.HistoryPage;
import org.carequeue.api.history.TranscriptReadingResponse;
import org.carequeue.api.history.TranscriptResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.metadata.NewMasterKeyResponse;
import org.carequeue.api.note.AudienceNotesRequest;
import org.carequeue.api.note.NoteFieldRequest;
import org.carequeue.api.note.NoteFieldResponse;
import org.carequeue.api.note.NoteFieldsRequest;
import org.carequeue.api.organization.OrganizationSettingsRequest;
import org.carequeue.api.organization.OrganizationSettingsResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.tag.AudienceTagsRequest;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.SecureMetadataTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operators' history over REST: searching, the whole transcript and its CSV, the reason the
 * organization may ask for with the audit trail, who may read, and retention deleting the content
 * of old conversations while their statistics stay.
 */
class HistoryIT extends AgainstBuiltWar {

    static final byte[] RECEIPT = "Receipt 42\nTotal 19.90 EUR\n".getBytes(StandardCharsets.UTF_8);

    Api api;
    Api.Organization organization;
    Api.Agent ann;
    Api.Agent bob;
    Api.Agent operator;
    QueueResponse support;
    QueueResponse billing;

    @BeforeEach
    void organization() {
        api = api();
        organization = api.signUp();
        ann = api.agent(organization);
        bob = api.agent(organization);
        operator = api.operator(organization);
        support = api.openQueue(organization, 10, ann);
        billing = api.openQueue(organization, 10, bob);
        api.put("api/v1/queues/" + support.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(support.name(), 10, false).withTransferQueueIds(List.of(billing.id())))
                .expect(200);
    }

    @Test
    void operatorsReadWholeTranscriptsAsJsonAndCsvAndEveryReadingIsAudited() {
        NewMasterKeyResponse key = api.post("api/v1/master-keys", organization.ownerToken(), null)
                .expect(201).as(NewMasterKeyResponse.class);
        TagResponse tag = api.post("api/v1/tags", organization.ownerToken(), new TagRequest("Invoices", "#2563eb", null))
                .expect(201).as(TagResponse.class);
        NoteFieldResponse summary = api.put("api/v1/queues/" + support.id() + "/note-fields", organization.ownerToken(),
                        new NoteFieldsRequest(List.of(new NoteFieldRequest(null, "Summary", "TEXT", null))))
                .expect(200).asList(NoteFieldResponse.class).get(0);
        String customerName = Api.unique("Carla");
        CustomerRequestResponse carla = api.post("api/v1/queues/" + support.id() + "/requests", null,
                new CustomerRequest(customerName, "=HYPERLINK(\"http://example.org\")", Map.of("browser", "Firefox 120"),
                        SecureMetadataTokens.jwe(key.keyId(), key.secret(), Map.of("customerId", "C-7"),
                                Instant.now().plusSeconds(300)),
                        Map.of("topic", "invoice"))).expect(201).as(CustomerRequestResponse.class);
        String audience = "api/v1/audiences/" + carla.audienceId();

        api.post("api/v1/queues/" + support.id() + "/pick", ann.token(), null).expect(200);
        api.post(audience + "/messages", ann.token(), new PostMessageRequest("a1", "Hello <b>Carla</b>, one moment"))
                .expect(201);
        upload(carla.audienceId(), carla.customerToken());
        api.put(audience + "/tags", ann.token(), new AudienceTagsRequest(List.of(tag.id()))).expect(200);
        api.put(audience + "/notes", ann.token(), new AudienceNotesRequest(Map.of(summary.id(), "Asked about an invoice")))
                .expect(200);
        api.post(audience + "/transfer", ann.token(), new TransferRequest(billing.id())).expect(200);
        api.post("api/v1/queues/" + billing.id() + "/pick", bob.token(), null).expect(200);
        api.post(audience + "/messages", bob.token(), new PostMessageRequest("b1", "Billing here")).expect(201);
        api.post(audience + "/end", bob.token(), null).expect(200);
        api.post(audience + "/rating", carla.customerToken(), new RatingRequest(1)).expect(200);
        api.post(audience + "/post-answers", carla.customerToken(), new PostAnswersRequest(Map.of("solved", "yes")))
                .expect(200);
        api.post(audience + "/end-and-hide", bob.token(), null).expect(200);

        // The search finds it by each filter, newest first, earlier agents of a transfer included.
        String search = "api/v1/audiences?customer=" + customerName.substring(0, 9).toUpperCase();
        HistoryPage found = api.get(search, operator.token()).expect(200).as(HistoryPage.class);
        assertEquals(1, found.total(), found.toString());
        HistoryEntryResponse entry = found.audiences().get(0);
        assertEquals(List.of(carla.audienceId(), billing.name(), bob.name(), "COMPLETE", 1),
                List.of(entry.id(), entry.queueName(), entry.agentName(), entry.state(), entry.rating()));
        String today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString();
        for (String filter : List.of("agentId=" + ann.id(), "queueId=" + billing.id(), "state=COMPLETE",
                "from=" + today + "&to=" + today)) {
            assertEquals(List.of(carla.audienceId()), ids(api.get("api/v1/audiences?" + filter, operator.token())),
                    filter);
        }
        assertEquals(List.of(), ids(api.get("api/v1/audiences?queueId=" + support.id(), operator.token())));
        assertProblem(400, "validation_failed", "state", api.get("api/v1/audiences?state=LOST", operator.token()));
        assertProblem(400, "validation_failed", "from", api.get("api/v1/audiences?from=yesterday", operator.token()));

        TranscriptResponse t = api.get(audience + "/transcript", operator.token()).expect(200).as(TranscriptResponse.class);
        assertEquals(List.of(customerName, billing.name(), "COMPLETE"), List.of(t.customerName(), t.queueName(), t.state()));
        assertEquals(List.of(ann.name(), bob.name()), t.agents(), "every agent, in the order they picked");
        assertNotNull(t.requestedAt());
        assertNotNull(t.pickedAt());
        assertNotNull(t.endedAt());
        assertNotNull(t.completedAt());
        assertNull(t.transcriptDeletedAt());
        assertEquals(List.of("customer", "agent", "customer", "system", "agent"),
                t.messages().stream().map(m -> m.from().role()).toList());
        assertEquals("=HYPERLINK(\"http://example.org\")", t.messages().get(0).text(), "stored and answered as typed");
        assertEquals("Hello <b>Carla</b>, one moment", t.messages().get(1).text());
        AttachmentResponse file = t.messages().get(2).attachment();
        assertEquals(List.of("receipt.txt", "text/plain; charset=utf-8", (long) RECEIPT.length),
                List.of(file.name(), file.contentType(), file.size()));
        assertTrue(t.messages().get(3).text().startsWith("Transferred from " + support.name() + " to " + billing.name()),
                t.messages().get(3).text());
        assertEquals(List.of("Invoices"), t.tags().stream().map(TagResponse::path).toList());
        assertEquals(List.of("Summary=Asked about an invoice"),
                t.notes().stream().map(n -> n.label() + "=" + n.value()).toList());
        assertEquals("Firefox 120", t.metadata().get("browser"));
        assertEquals("C-7", t.secureMetadata().get("customerId"));
        assertEquals(Map.of("topic", "invoice"), t.preAnswers());
        assertEquals(1, t.rating());
        assertEquals(Map.of("solved", "yes"), t.postAnswers());

        // Operators download the files too; each download is audited.
        HttpResponse<byte[]> download = bytes(file.url(), operator.token());
        assertEquals(200, download.statusCode());
        assertEquals(new String(RECEIPT, StandardCharsets.UTF_8), new String(download.body(), StandardCharsets.UTF_8));

        Api.Reply csv = api.get(audience + "/transcript", operator.token(), "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertEquals("field,value", lines.get(0));
        assertTrue(lines.contains("customer," + customerName), csv.body());
        assertTrue(lines.contains("tag,Invoices"), csv.body());
        assertTrue(lines.contains("note: Summary,Asked about an invoice"), csv.body());
        assertTrue(lines.contains("pre-answer: topic,invoice"), csv.body());
        assertTrue(lines.contains("rating,1"), csv.body());
        int header = lines.indexOf("seq,time,role,sender,text,attachment,type,size");
        assertTrue(header > 0, csv.body());
        assertEquals(5, lines.size() - header - 1, "one row per message");
        assertTrue(lines.get(header + 1).endsWith(",customer," + customerName
                + ",\"'=HYPERLINK(\"\"http://example.org\"\")\",,,"), "a formula is defused: " + lines.get(header + 1));
        assertTrue(lines.get(header + 3).endsWith(",receipt.txt,text/plain; charset=utf-8," + RECEIPT.length),
                lines.get(header + 3));

        // Agents are refused, other organizations learn nothing.
        assertProblem(403, "forbidden", null, api.get(audience + "/transcript", ann.token()));
        assertProblem(403, "forbidden", null, api.get("api/v1/audiences", ann.token()));
        Api.Organization other = api.signUp();
        assertProblem(404, "audience_not_found", null, api.get(audience + "/transcript", other.ownerToken()));
        assertProblem(404, "audience_not_found", null, api.get(audience + "/transcript/readings", other.ownerToken()));
        assertEquals(List.of(), ids(api.get("api/v1/audiences?customer=" + customerName, other.ownerToken())));
        assertEquals(404, bytes(file.url(), other.ownerToken()).statusCode());

        // With the organization's setting on, a reason is required, and kept.
        assertProblem(403, "forbidden", null, api.put("api/v1/organization/settings", ann.token(),
                new OrganizationSettingsRequest(true)));
        assertProblem(403, "forbidden", null, api.put("api/v1/organization/settings", operator.token(),
                new OrganizationSettingsRequest(true)));
        OrganizationSettingsResponse settings = api.put("api/v1/organization/settings", organization.ownerToken(),
                new OrganizationSettingsRequest(true)).expect(200).as(OrganizationSettingsResponse.class);
        assertTrue(settings.requireTranscriptReason());
        assertProblem(400, "reason_required", "reason", api.get(audience + "/transcript", operator.token()));
        assertProblem(400, "reason_required", "reason", api.get(audience + "/transcript?reason=%20", operator.token()));
        assertProblem(400, "reason_required", "reason", api.get(audience + "/transcript", operator.token(), "text/csv"));
        assertProblem(400, "validation_failed", "reason",
                api.get(audience + "/transcript?reason=" + "x".repeat(501), operator.token()));
        assertEquals(400, bytes(file.url(), operator.token()).statusCode(), "a file is part of the transcript");
        String reason = "Complaint #81, follow-up";
        api.get(audience + "/transcript?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8), operator.token())
                .expect(200);
        assertEquals(200, bytes(file.url(), operator.token()).statusCode(), "the transcript's reason covers its files");
        assertTrue(api.get("api/v1/organization/settings", operator.token()).expect(200)
                .as(OrganizationSettingsResponse.class).requireTranscriptReason());

        List<TranscriptReadingResponse> readings = api.get(audience + "/transcript/readings", operator.token())
                .expect(200).asList(TranscriptReadingResponse.class);
        assertEquals(List.of("ATTACHMENT:" + reason, "REST:" + reason, "CSV:null", "ATTACHMENT:null", "REST:null"),
                readings.stream().map(r -> r.channel() + ":" + r.reason()).toList(),
                "newest first; refused attempts leave no line");
        assertTrue(readings.stream().allMatch(r -> r.agentId().equals(operator.id()) && r.agentName().equals(operator.name())
                && r.at() != null));
    }

    @Test
    void retentionDeletesTheContentOfOldCompletedConversationsAndKeepsTheirStatistics() throws SQLException {
        String settings = "api/v1/queues/" + support.id() + "/settings";
        QueueSettingsRequest basic = QueueSettingsRequest.basic(support.name(), 10, false);
        assertProblem(400, "validation_failed", "transcriptRetentionDays",
                api.put(settings, organization.ownerToken(), basic.withTranscriptRetentionDays(-1)));
        assertProblem(400, "validation_failed", "transcriptRetentionDays",
                api.put(settings, organization.ownerToken(), basic.withTranscriptRetentionDays(3651)));
        assertEquals(30, api.put(settings, organization.ownerToken(), basic.withTranscriptRetentionDays(30))
                .expect(200).as(QueueResponse.class).transcriptRetentionDays());
        assertEquals(30, api.put(settings, organization.ownerToken(), basic).expect(200).as(QueueResponse.class)
                .transcriptRetentionDays(), "a null keeps it");
        assertNull(api.put(settings, organization.ownerToken(), basic.withTranscriptRetentionDays(0)).expect(200)
                .as(QueueResponse.class).transcriptRetentionDays(), "0 keeps transcripts forever again");
        api.put(settings, organization.ownerToken(), basic.withTranscriptRetentionDays(30)).expect(200);
        TagResponse tag = api.post("api/v1/tags", organization.ownerToken(), new TagRequest("Old", "#16a34a", null))
                .expect(201).as(TagResponse.class);
        NoteFieldResponse summary = api.put("api/v1/queues/" + support.id() + "/note-fields", organization.ownerToken(),
                        new NoteFieldsRequest(List.of(new NoteFieldRequest(null, "Summary", "TEXT", null))))
                .expect(200).asList(NoteFieldResponse.class).get(0);

        CustomerRequestResponse old = conversation("Olga");
        String oldAudience = "api/v1/audiences/" + old.audienceId();
        upload(old.audienceId(), old.customerToken());
        AttachmentResponse file = api.get(oldAudience + "/messages", ann.token()).expect(200).asList(MessageResponse.class)
                .stream().map(MessageResponse::attachment).filter(a -> a != null).findFirst().orElseThrow();
        api.put(oldAudience + "/tags", ann.token(), new AudienceTagsRequest(List.of(tag.id()))).expect(200);
        api.put(oldAudience + "/notes", ann.token(), new AudienceNotesRequest(Map.of(summary.id(), "Sensitive"))).expect(200);
        api.post(oldAudience + "/end", ann.token(), null).expect(200);
        api.post(oldAudience + "/rating", old.customerToken(), new RatingRequest(-1)).expect(200);
        api.post(oldAudience + "/post-answers", old.customerToken(), new PostAnswersRequest(Map.of("why", "slow")))
                .expect(200);
        api.post(oldAudience + "/end-and-hide", ann.token(), null).expect(200);
        CustomerRequestResponse recent = conversation("Rita");
        api.post("api/v1/audiences/" + recent.audienceId() + "/end-and-hide", ann.token(), null).expect(200);
        CustomerRequestResponse live = conversation("Liam");
        CustomerRequestResponse gaveUp = api.request(support.id(), "Dora", "Call me at +358 40 123 4567");
        api.post("api/v1/audiences/" + gaveUp.audienceId() + "/end", gaveUp.customerToken(), null).expect(200);

        try (Connection db = DatabaseUnderTest.connect();
             PreparedStatement complete = db.prepareStatement("update audience set completed_at = ? where id = ?");
             PreparedStatement dropped = db.prepareStatement("update audience set ended_at = ? where id = ?")) {
            complete.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(31));
            complete.setString(2, old.audienceId());
            assertEquals(1, complete.executeUpdate());
            dropped.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(31));
            dropped.setString(2, gaveUp.audienceId());
            assertEquals(1, dropped.executeUpdate());
        }

        TranscriptResponse deleted = awaitDeleted(old.audienceId());
        assertEquals(List.of(), deleted.messages());
        assertEquals(List.of(), deleted.notes());
        assertEquals(Map.of(), deleted.metadata());
        assertEquals(Map.of(), deleted.preAnswers());
        assertEquals(Map.of(), deleted.postAnswers());
        assertEquals(List.of("Olga", "COMPLETE", -1, List.of(ann.name()), List.of("Old")),
                List.of(deleted.customerName(), deleted.state(), deleted.rating(), deleted.agents(),
                        deleted.tags().stream().map(TagResponse::path).toList()),
                "what the statistics count stays");
        assertNotNull(deleted.requestedAt());
        assertNotNull(deleted.completedAt());
        assertEquals(404, bytes(file.url(), operator.token()).statusCode());
        assertEquals(0, count("select count(*) from chat_message where audience_id = ?", old.audienceId()));
        assertEquals(0, count("select count(*) from attachment where audience_id = ?", old.audienceId()));
        assertEquals(0, count("select count(*) from attachment_content where attachment_id = ?", file.id()));
        assertEquals(0, count("select count(*) from audience_note where audience_id = ?", old.audienceId()));
        assertEquals(0, count("select count(*) from audience where id = ? and (first_message is not null"
                + " or pre_answers is not null or metadata is not null or post_answers is not null)", old.audienceId()));

        TranscriptResponse droppedLongAgo = awaitDeleted(gaveUp.audienceId());
        assertEquals(List.of("DROPPED", List.of()), List.of(droppedLongAgo.state(), droppedLongAgo.messages()));
        assertEquals(0, count("select count(*) from audience where id = ? and first_message is not null", gaveUp.audienceId()));

        HistoryEntryResponse listed = api.get("api/v1/audiences?customer=Olga&queueId=" + support.id(), operator.token())
                .expect(200).as(HistoryPage.class).audiences().get(0);
        assertEquals(deleted.transcriptDeletedAt(), listed.transcriptDeletedAt());
        List<String> logged = api.get("api/v1/queues/" + support.id() + "/log", organization.ownerToken()).expect(200)
                .asList(QueueLogEntryResponse.class).stream()
                .filter(line -> old.audienceId().equals(line.audienceId())).map(QueueLogEntryResponse::kind).toList();
        assertEquals(List.of("REQUESTED", "PICKED", "ENDED"), logged, "the activity log stays");

        for (CustomerRequestResponse kept : List.of(recent, live)) {
            TranscriptResponse t = api.get("api/v1/audiences/" + kept.audienceId() + "/transcript", operator.token())
                    .expect(200).as(TranscriptResponse.class);
            assertNull(t.transcriptDeletedAt(), t.customerName());
            assertEquals(2, t.messages().size(), t.customerName() + " keeps the conversation");
        }
    }

    /** A customer's request in Support with a first message, picked by Ann, who answers once. */
    /** The transcript once the retention clock (every 2 s in the ITs) deleted its content. */
    private TranscriptResponse awaitDeleted(String audienceId) {
        for (int attempt = 0; attempt < 60; attempt++) {
            TranscriptResponse transcript = api.get("api/v1/audiences/" + audienceId + "/transcript", operator.token())
                    .expect(200).as(TranscriptResponse.class);
            if (transcript.transcriptDeletedAt() != null) {
                return transcript;
            }
            pause();
        }
        throw new AssertionError("retention did not delete the content of " + audienceId + " within 30 s");
    }

    private CustomerRequestResponse conversation(String name) {
        CustomerRequestResponse customer = api.post("api/v1/queues/" + support.id() + "/requests", null,
                new CustomerRequest(name, "Hello from " + name, Map.of("browser", "Safari"), null, Map.of("topic", "x")))
                .expect(201).as(CustomerRequestResponse.class);
        AudienceResponse picked = api.post("api/v1/queues/" + support.id() + "/pick", ann.token(), null).expect(200)
                .as(AudienceResponse.class);
        assertEquals(customer.audienceId(), picked.audienceId());
        api.post("api/v1/audiences/" + customer.audienceId() + "/messages", ann.token(),
                new PostMessageRequest("hi", "Hi " + name)).expect(201);
        return customer;
    }

    private void upload(String audienceId, String customerToken) {
        HttpResponse<byte[]> sent = send(HttpRequest.newBuilder(api.base().resolve("api/v1/audiences/" + audienceId
                        + "/attachments?clientMessageId=file-1&name=receipt.txt"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + customerToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(RECEIPT)));
        assertEquals(201, sent.statusCode(), new String(sent.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> bytes(String url, String token) {
        return send(HttpRequest.newBuilder(api.base().resolve(url.substring(1))).header("Authorization", "Bearer " + token)
                .GET());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    private static List<String> ids(Api.Reply reply) {
        return reply.expect(200).as(HistoryPage.class).audiences().stream().map(HistoryEntryResponse::id).toList();
    }

    private static long count(String sql, String id) throws SQLException {
        try (Connection db = DatabaseUnderTest.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(int status, String code, String field, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith(Problem.MEDIA_TYPE), reply.contentType());
        assertEquals(code, reply.problem().code(), reply.body());
        if (field != null) {
            assertEquals(field, reply.problem().field(), reply.body());
        }
    }
}
