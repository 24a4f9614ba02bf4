package org.carequeue.web.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.cannedmessage.CannedMessageRequest;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.api.note.AudienceNotesRequest;
import org.carequeue.api.note.AudienceNotesResponse;
import org.carequeue.api.note.NoteFieldRequest;
import org.carequeue.api.note.NoteFieldResponse;
import org.carequeue.api.note.NoteFieldsRequest;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.tag.AudienceTagsRequest;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.api.tag.TagRuleRequest;
import org.carequeue.api.tag.TagRuleResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canned messages, tags and notes over the REST API: the rules, the scoping and the errors. */
class ChatFeaturesIT extends AgainstBuiltWar {

    static final String CANNED = "api/v1/canned-messages";
    static final String TAGS = "api/v1/tags";

    Api api;
    Api.Organization organization;
    Api.Agent agent;
    Api.Agent outsider;

    @BeforeEach
    void organization() {
        api = api();
        organization = api.signUp();
        agent = api.agent(organization);
        outsider = api.agent(api.signUp());
    }

    @Test
    void agentsKeepPersonalCannedMessagesAndReadTheOrganizationsAfterThem() {
        CannedMessageResponse mine = api.post(CANNED, agent.token(), new CannedMessageRequest("thanks", "Thank you!", null))
                .expect(201).as(CannedMessageResponse.class);
        assertEquals("personal", mine.scope());
        api.post(CANNED, organization.ownerToken(), new CannedMessageRequest("thanks", "Thanks from all of us.", "organization"))
                .expect(201);
        api.post(CANNED, organization.ownerToken(), new CannedMessageRequest("hours", "We are open 8-16.", "organization"))
                .expect(201);

        List<CannedMessageResponse> seen = api.get(CANNED, agent.token()).expect(200).asList(CannedMessageResponse.class);
        assertEquals(List.of("personal thanks", "organization hours", "organization thanks"),
                seen.stream().map(c -> c.scope() + " " + c.keyword()).toList());
        Api.Agent colleague = api.agent(organization);
        assertEquals(List.of("hours", "thanks"), api.get(CANNED, colleague.token()).expect(200)
                .asList(CannedMessageResponse.class).stream().map(CannedMessageResponse::keyword).toList(),
                "another agent sees the organization's, not someone's personal ones");
        assertEquals(List.of(), api.get(CANNED, outsider.token()).expect(200).asList(CannedMessageResponse.class));
        assertProblem(404, "canned_message_not_found", null, api.put(CANNED + "/" + mine.id(), outsider.token(),
                new CannedMessageRequest("stolen", "x", null)));
        assertProblem(404, "canned_message_not_found", null, api.put(CANNED + "/" + mine.id(), colleague.token(),
                new CannedMessageRequest("stolen", "x", null)));

        CannedMessageResponse changed = api.put(CANNED + "/" + mine.id(), agent.token(),
                new CannedMessageRequest("thanks2", "Thanks again!", null)).expect(200).as(CannedMessageResponse.class);
        assertEquals("thanks2", changed.keyword());
        api.send("DELETE", CANNED + "/" + mine.id(), agent.token()).expect(204);
        assertEquals(2, api.get(CANNED, agent.token()).expect(200).asList(CannedMessageResponse.class).size());
        assertProblem(401, "not_authenticated", null, api.get(CANNED, null));
    }

    @Test
    void keywordsAreLowercaseLettersAndDigitsAndUniquePerOwner() {
        for (String bad : List.of("Thanks", "good-bye", "with space", "", "a".repeat(33), "ääni")) {
            assertProblem(400, "validation_failed", "keyword",
                    api.post(CANNED, agent.token(), new CannedMessageRequest(bad, "Hello", null)));
        }
        assertProblem(400, "validation_failed", "message",
                api.post(CANNED, agent.token(), new CannedMessageRequest("long", "x".repeat(2001), null)));
        assertProblem(400, "validation_failed", "scope",
                api.post(CANNED, agent.token(), new CannedMessageRequest("scoped", "x", "everyone")));
        api.post(CANNED, agent.token(), new CannedMessageRequest("a1" + "b".repeat(30), "Longest keyword", null)).expect(201);
        api.post(CANNED, agent.token(), new CannedMessageRequest("hello", "Hello!", null)).expect(201);
        assertProblem(409, "already_exists", "keyword",
                api.post(CANNED, agent.token(), new CannedMessageRequest("hello", "Hi again", null)));
        CannedMessageResponse bye = api.post(CANNED, agent.token(), new CannedMessageRequest("bye", "Bye!", null)).expect(201)
                .as(CannedMessageResponse.class);
        assertProblem(409, "already_exists", "keyword",
                api.put(CANNED + "/" + bye.id(), agent.token(), new CannedMessageRequest("hello", "Bye!", null)));
        api.post(CANNED, api.agent(organization).token(), new CannedMessageRequest("hello", "Mine too", null)).expect(201);
        assertEquals(List.of("a1" + "b".repeat(30), "bye", "hello"), api.get(CANNED, agent.token()).expect(200)
                .asList(CannedMessageResponse.class).stream().map(CannedMessageResponse::keyword).toList(),
                "nothing refused was stored");
    }

    @Test
    void onlyOperatorsManageTheOrganizationsCannedMessages() {
        assertProblem(403, "forbidden", null,
                api.post(CANNED, agent.token(), new CannedMessageRequest("policy", "Our policy", "organization")));
        CannedMessageResponse shared = api.post(CANNED, organization.ownerToken(),
                new CannedMessageRequest("policy", "Our policy", "organization")).expect(201).as(CannedMessageResponse.class);
        assertProblem(409, "already_exists", "keyword", api.post(CANNED, organization.ownerToken(),
                new CannedMessageRequest("policy", "Again", "organization")));
        assertProblem(403, "forbidden", null, api.put(CANNED + "/" + shared.id(), agent.token(),
                new CannedMessageRequest("policy", "Changed", null)));
        assertProblem(403, "forbidden", null, api.send("DELETE", CANNED + "/" + shared.id(), agent.token()));
        assertEquals("Our policy", api.get(CANNED, agent.token()).expect(200).asList(CannedMessageResponse.class)
                .get(0).message());
    }

    @Test
    void operatorsShapeATwoLevelTagTreeWithNamesUniqueAmongSiblings() {
        String owner = organization.ownerToken();
        TagResponse billing = api.post(TAGS, owner, new TagRequest("Billing", "#2563EB", null)).expect(201).as(TagResponse.class);
        assertEquals("#2563eb", billing.colour());
        TagResponse refund = api.post(TAGS, owner, new TagRequest("Refund", "#16a34a", billing.id())).expect(201)
                .as(TagResponse.class);
        assertEquals("Billing / Refund", refund.path());
        api.post(TAGS, owner, new TagRequest("Invoice", null, billing.id())).expect(201);
        TagResponse sales = api.post(TAGS, owner, new TagRequest("Sales", "#f59e0b", null)).expect(201).as(TagResponse.class);
        api.post(TAGS, owner, new TagRequest("Refund", "#f59e0b", sales.id())).expect(201);

        assertProblem(409, "already_exists", "name", api.post(TAGS, owner, new TagRequest("refund", "#000000", billing.id())));
        assertProblem(409, "already_exists", "name", api.post(TAGS, owner, new TagRequest("BILLING", "#000000", null)));
        assertProblem(400, "validation_failed", "parentId", api.post(TAGS, owner, new TagRequest("Deep", "#000000", refund.id())));
        assertProblem(400, "validation_failed", "colour", api.post(TAGS, owner, new TagRequest("Red", "red", null)));
        assertProblem(400, "validation_failed", "name", api.post(TAGS, owner, new TagRequest(" ", "#000000", null)));
        assertProblem(403, "forbidden", null, api.post(TAGS, agent.token(), new TagRequest("Mine", "#000000", null)));
        String strangerOperator = api.signUp().ownerToken();
        assertProblem(404, "tag_not_found", null, api.put(TAGS + "/" + billing.id(), strangerOperator,
                new TagRequest("Mine now", null, null)));

        assertEquals(List.of("Billing", "Billing / Invoice", "Billing / Refund", "Sales", "Sales / Refund"),
                paths(api.get(TAGS, agent.token()).expect(200).asList(TagResponse.class)));
        assertEquals(List.of(), api.get(TAGS, outsider.token()).expect(200).asList(TagResponse.class));

        TagResponse renamed = api.put(TAGS + "/" + refund.id(), owner, new TagRequest("Refunds", "#dc2626", null))
                .expect(200).as(TagResponse.class);
        assertEquals("Billing / Refunds", renamed.path());
        assertEquals("#dc2626", renamed.colour());
        assertProblem(409, "already_exists", "name", api.put(TAGS + "/" + refund.id(), owner, new TagRequest("invoice", null, null)));
        assertProblem(409, "tag_has_subtags", null, api.send("DELETE", TAGS + "/" + billing.id(), owner));
        assertProblem(403, "forbidden", null, api.send("DELETE", TAGS + "/" + refund.id(), agent.token()));
        api.send("DELETE", TAGS + "/" + refund.id(), owner).expect(204);
        assertEquals(List.of("Billing", "Billing / Invoice", "Sales", "Sales / Refund"),
                paths(api.get(TAGS, agent.token()).expect(200).asList(TagResponse.class)));
    }

    @Test
    void membersOfTheQueueTagAnAudienceAndOthersCannot() {
        String owner = organization.ownerToken();
        TagResponse vip = api.post(TAGS, owner, new TagRequest("VIP", "#a855f7", null)).expect(201).as(TagResponse.class);
        TagResponse urgent = api.post(TAGS, owner, new TagRequest("Urgent", "#ef4444", null)).expect(201).as(TagResponse.class);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse customer = api.request(queue.id(), "Tina Tagged", "Hi");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        String audienceTags = "api/v1/audiences/" + customer.audienceId() + "/tags";

        assertEquals(List.of("Urgent", "VIP"), paths(api.put(audienceTags, agent.token(),
                new AudienceTagsRequest(List.of(vip.id(), urgent.id(), vip.id()))).expect(200).asList(TagResponse.class)));
        assertEquals(List.of("Urgent", "VIP"), paths(api.get(audienceTags, agent.token()).expect(200).asList(TagResponse.class)));

        TagResponse foreign = api.post(TAGS, api.signUp().ownerToken(), new TagRequest("Foreign", "#000000", null))
                .expect(201).as(TagResponse.class);
        assertProblem(404, "tag_not_found", null, api.put(audienceTags, agent.token(),
                new AudienceTagsRequest(List.of(vip.id(), foreign.id()))));
        assertProblem(400, "validation_failed", "tagIds", api.put(audienceTags, agent.token(), new AudienceTagsRequest(null)));
        assertEquals(List.of("Urgent", "VIP"), paths(api.get(audienceTags, agent.token()).expect(200).asList(TagResponse.class)),
                "a refused change changes nothing");

        assertProblem(404, "audience_not_found", null, api.get(audienceTags, outsider.token()));
        assertProblem(404, "audience_not_found", null, api.put(audienceTags, outsider.token(), new AudienceTagsRequest(List.of())));
        Api.Agent notMember = api.agent(organization);
        assertProblem(403, "forbidden", null, api.get(audienceTags, notMember.token()));
        assertProblem(403, "forbidden", null, api.put(audienceTags, notMember.token(), new AudienceTagsRequest(List.of())));
        assertProblem(401, "not_authenticated", null, api.get(audienceTags, customer.customerToken()));

        // After the end the tags stay editable (the conversation is still in the agent's sidebar).
        api.post("api/v1/audiences/" + customer.audienceId() + "/end", agent.token(), null).expect(200);
        assertEquals(List.of("VIP"), paths(api.put(audienceTags, agent.token(), new AudienceTagsRequest(List.of(vip.id())))
                .expect(200).asList(TagResponse.class)));
        // Deleting a tag takes it off the audiences that carry it.
        api.send("DELETE", TAGS + "/" + vip.id(), owner).expect(204);
        assertEquals(List.of(), api.get(audienceTags, agent.token()).expect(200).asList(TagResponse.class));
    }

    @Test
    void rulesTagARequestFromItsAnswersWhenItArrives() {
        String owner = organization.ownerToken();
        TagResponse billing = api.post(TAGS, owner, new TagRequest("Billing", "#2563eb", null)).expect(201).as(TagResponse.class);
        TagResponse finnish = api.post(TAGS, owner, new TagRequest("Finnish", "#0ea5e9", null)).expect(201).as(TagResponse.class);
        TagResponse elsewhere = api.post(TAGS, owner, new TagRequest("Elsewhere", "#64748b", null)).expect(201).as(TagResponse.class);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        QueueResponse other = api.openQueue(organization, 10, agent);
        api.post("api/v1/tag-rules", owner, new TagRuleRequest(queue.id(), "topic", "Billing", billing.id())).expect(201);
        api.post("api/v1/tag-rules", owner, new TagRuleRequest(null, "language", "fi", finnish.id())).expect(201);
        api.post("api/v1/tag-rules", owner, new TagRuleRequest(other.id(), "topic", "billing", elsewhere.id())).expect(201);
        assertProblem(403, "forbidden", null, api.post("api/v1/tag-rules", agent.token(),
                new TagRuleRequest(null, "topic", "x", billing.id())));
        assertProblem(400, "validation_failed", "value", api.post("api/v1/tag-rules", owner,
                new TagRuleRequest(null, "topic", " ", billing.id())));
        assertProblem(404, "queue_not_found", null, api.post("api/v1/tag-rules", owner,
                new TagRuleRequest(api.openQueue(api.signUp(), 1).id(), "topic", "x", billing.id())));
        assertEquals(3, api.get("api/v1/tag-rules", owner).expect(200).asList(TagRuleResponse.class).size());

        String matching = arrive(queue, Map.of("topic", "  BILLING ", "language", "FI"));
        String notMatching = arrive(queue, Map.of("topic", "sales"));
        String withoutAnswers = arrive(queue, null);
        assertEquals(List.of("Billing", "Finnish"), tagsOf(matching));
        assertEquals(List.of(), tagsOf(notMatching));
        assertEquals(List.of(), tagsOf(withoutAnswers));
        assertEquals(List.of("Elsewhere"), tagsOf(arrive(other, Map.of("topic", "Billing"))));
    }

    @Test
    void notesFollowTheQueuesFormAndAreSavedWithTheAudience() {
        String owner = organization.ownerToken();
        QueueResponse queue = api.openQueue(organization, 10, agent);
        String form = "api/v1/queues/" + queue.id() + "/note-fields";
        assertProblem(403, "forbidden", null, api.put(form, agent.token(), new NoteFieldsRequest(List.of())));
        assertProblem(404, "queue_not_found", null, api.get(form, api.signUp().ownerToken()));
        assertProblem(403, "forbidden", null, api.get(form, agent.token()));
        assertProblem(400, "validation_failed", "fields[0].options", api.put(form, owner, new NoteFieldsRequest(List.of(
                new NoteFieldRequest(null, "Outcome", "CHOICE", List.of())))));
        assertProblem(400, "validation_failed", "fields[1].kind", api.put(form, owner, new NoteFieldsRequest(List.of(
                new NoteFieldRequest(null, "Reason", "TEXT", null), new NoteFieldRequest(null, "Odd", "DATE", null)))));
        List<NoteFieldResponse> fields = api.put(form, owner, new NoteFieldsRequest(List.of(
                new NoteFieldRequest(null, "Reason", "text", null),
                new NoteFieldRequest(null, "Outcome", "CHOICE", List.of("Solved", "Escalated")),
                new NoteFieldRequest(null, "Summary", "TEXTAREA", null)))).expect(200).asList(NoteFieldResponse.class);
        assertEquals(List.of("Reason", "Outcome", "Summary"), fields.stream().map(NoteFieldResponse::label).toList());
        String reason = fields.get(0).id();
        String outcome = fields.get(1).id();
        String summary = fields.get(2).id();

        CustomerRequestResponse customer = api.request(queue.id(), "Nora Noted", "Hi");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        String notes = "api/v1/audiences/" + customer.audienceId() + "/notes";
        assertEquals(List.of(), values(api.get(notes, agent.token()).expect(200).as(AudienceNotesResponse.class)));

        AudienceNotesResponse saved = api.put(notes, agent.token(), new AudienceNotesRequest(Map.of(
                reason, "Late parcel", outcome, "Solved", summary, "Sent a new one.\nTracking given."))).expect(200)
                .as(AudienceNotesResponse.class);
        assertEquals(List.of("Reason=Late parcel", "Outcome=Solved", "Summary=Sent a new one.\nTracking given."), values(saved));
        assertEquals(values(saved), values(api.get(notes, agent.token()).expect(200).as(AudienceNotesResponse.class)));

        assertProblem(400, "validation_failed", outcome, api.put(notes, agent.token(),
                new AudienceNotesRequest(Map.of(reason, "Changed", outcome, "Maybe"))));
        assertProblem(404, "note_field_not_found", null, api.put(notes, agent.token(),
                new AudienceNotesRequest(Map.of("no-such-field", "x"))));
        assertEquals(values(saved), values(api.get(notes, agent.token()).expect(200).as(AudienceNotesResponse.class)),
                "a refused save changes nothing");
        assertProblem(404, "audience_not_found", null, api.get(notes, outsider.token()));
        assertProblem(403, "forbidden", null, api.put(notes, api.agent(organization).token(),
                new AudienceNotesRequest(Map.of(reason, "x"))));

        // A blank value clears; the form changes: kept fields keep their notes, dropped ones lose them.
        api.put(notes, agent.token(), new AudienceNotesRequest(Map.of(reason, " "))).expect(200);
        api.put(form, owner, new NoteFieldsRequest(List.of(
                new NoteFieldRequest(summary, "Summary", "TEXTAREA", null),
                new NoteFieldRequest(null, "Follow-up", "TEXT", null)))).expect(200);
        AudienceNotesResponse after = api.get(notes, agent.token()).expect(200).as(AudienceNotesResponse.class);
        assertEquals(List.of("Summary", "Follow-up"), after.notes().stream().map(NoteResponse::label).toList());
        assertEquals(List.of("Summary=Sent a new one.\nTracking given."), values(after));
        assertNull(after.notes().get(1).value());
    }

    private String arrive(QueueResponse queue, Map<String, String> answers) {
        return api.post("api/v1/queues/" + queue.id() + "/requests", null,
                new CustomerRequest("Rita Rule", "Hello", null, null, answers)).expect(201)
                .as(CustomerRequestResponse.class).audienceId();
    }

    private List<String> tagsOf(String audienceId) {
        return paths(api.get("api/v1/audiences/" + audienceId + "/tags", agent.token()).expect(200).asList(TagResponse.class));
    }

    private static List<String> paths(List<TagResponse> tags) {
        return tags.stream().map(TagResponse::path).toList();
    }

    private static List<String> values(AudienceNotesResponse notes) {
        return notes.notes().stream().filter(n -> n.value() != null).map(n -> n.label() + "=" + n.value()).toList();
    }

    private static void assertProblem(int status, String code, String field, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith(Problem.MEDIA_TYPE), reply.contentType());
        Problem problem = reply.problem();
        assertEquals(code, problem.code(), reply.body());
        if (field != null) {
            assertEquals(field, problem.field(), reply.body());
        }
    }
}
