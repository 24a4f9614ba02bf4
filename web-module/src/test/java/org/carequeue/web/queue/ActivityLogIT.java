package org.carequeue.web.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.TransferRequest;
import org.carequeue.api.contact.ContactCommentRequest;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.contact.ContactsPage;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The activity log records every kind of line with who did it and to whom, in order, and pages
 * by cursor; registered contacts are taken from customers, checked, logged and read and commented
 * on by the queue's members only.
 */
class ActivityLogIT extends AgainstBuiltWar {

    @Test
    void everyKindOfLineSaysWhoDidWhatToWhomInOrderAndPages() throws InterruptedException {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        Api.Agent ben = api.agent(organization);
        QueueResponse support = api.openQueue(organization, 10, ann);
        QueueResponse billing = api.openQueue(organization, 10, ben);
        api.put("api/v1/queues/" + support.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(support.name(), 10, false).withTransferQueueIds(List.of(billing.id())))
                .expect(200);
        String queue = "api/v1/queues/" + support.id();

        api.post(queue + "/close", ann.token(), null).expect(200);
        api.post(queue + "/open", ann.token(), null).expect(200);
        CustomerRequestResponse carla = api.request(support.id(), "Carla", "Invoice");
        api.post(queue + "/pick", ann.token(), null).expect(200);
        api.post("api/v1/audiences/" + carla.audienceId() + "/transfer", ann.token(), new TransferRequest(billing.id()))
                .expect(200);
        CustomerRequestResponse dave = api.request(support.id(), "Dave", "Hello?");
        Thread.sleep(1_100);
        api.post("api/v1/audiences/" + dave.audienceId() + "/end", dave.customerToken(), null).expect(200);
        CustomerRequestResponse erin = api.request(support.id(), "Erin", "Hi");
        api.post(queue + "/pick", ann.token(), null).expect(200);
        api.post("api/v1/audiences/" + erin.audienceId() + "/end", ann.token(), null).expect(200);
        ContactResponse frank = api.post(queue + "/contacts", null,
                new ContactRequest("Frank", "frank@example.com", null, "Call me back", null)).expect(201)
                .as(ContactResponse.class);

        List<QueueLogEntryResponse> log = api.get(queue + "/log", ann.token()).expect(200)
                .asList(QueueLogEntryResponse.class);
        String owner = "Owner " + organization.ownerUsername();
        assertEquals(List.of(
                        "OPENED " + owner + " -", "CLOSED " + ann.name() + " -", "OPENED " + ann.name() + " -",
                        "REQUESTED - Carla", "PICKED " + ann.name() + " Carla",
                        "TRANSFERRED_OUT " + ann.name() + " Carla", "REQUESTED - Dave", "DROPPED - Dave",
                        "REQUESTED - Erin", "PICKED " + ann.name() + " Erin", "ENDED " + ann.name() + " Erin",
                        "REGISTERED_CONTACT - Frank"),
                log.stream().map(ActivityLogIT::summary).toList());
        assertEquals(billing.name(), line(log, "TRANSFERRED_OUT").otherQueueName());
        QueueLogEntryResponse dropped = line(log, "DROPPED");
        assertTrue(dropped.waitedSeconds() >= 1 && dropped.waitedSeconds() < 60, "waited " + dropped.waitedSeconds());
        assertEquals(dave.audienceId(), dropped.audienceId());
        assertEquals(frank.id(), line(log, "REGISTERED_CONTACT").contactId());
        assertNull(line(log, "PICKED").waitedSeconds());
        QueueLogEntryResponse in = line(api.get("api/v1/queues/" + billing.id() + "/log", ben.token()).expect(200)
                .asList(QueueLogEntryResponse.class), "TRANSFERRED_IN");
        assertEquals(support.name(), in.otherQueueName());
        assertEquals("Carla", in.customerName());

        // The cursor: lines after the given id, at most limit of them; paging through gives the whole log.
        List<QueueLogEntryResponse> paged = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 10; page++) {
            List<QueueLogEntryResponse> lines = api.get(queue + "/log?after=" + after + "&limit=5", ann.token())
                    .expect(200).asList(QueueLogEntryResponse.class);
            if (lines.isEmpty()) {
                break;
            }
            assertTrue(lines.size() <= 5);
            paged.addAll(lines);
            after = lines.get(lines.size() - 1).id();
        }
        assertEquals(log, paged);
        assertEquals(log.subList(4, 7), api.get(queue + "/log?after=" + log.get(3).id() + "&limit=3", ann.token())
                .expect(200).asList(QueueLogEntryResponse.class));

        // Only members read it.
        assertEquals("forbidden", api.get(queue + "/log", ben.token()).expect(403).problem().code());
        Api.Organization other = api.signUp();
        assertEquals(404, api.get(queue + "/log", other.ownerToken()).status());
    }

    @Test
    void aCustomerRegistersAContactAndTheMembersReadAndCommentOnIt() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        Api.Agent ben = api.agent(organization);
        QueueResponse support = api.openQueue(organization, 10, ann);
        String contacts = "api/v1/queues/" + support.id() + "/contacts";
        // A closed queue takes contacts: that is what the form is for.
        api.post("api/v1/queues/" + support.id() + "/close", ann.token(), null).expect(200);

        assertRefused(api.postRaw(contacts, null, "application/json", ""), null);
        assertRefused(api.post(contacts, null, new ContactRequest(" ", "g@example.com", null, "Hi", null)), "name");
        assertRefused(api.post(contacts, null, new ContactRequest("Gail", null, " ", "Hi", null)), "email");
        assertRefused(api.post(contacts, null, new ContactRequest("Gail", "gail at example", null, "Hi", null)), "email");
        assertRefused(api.post(contacts, null, new ContactRequest("Gail", null, "call me", "Hi", null)), "phone");
        assertRefused(api.post(contacts, null, new ContactRequest("Gail", null, "+358 40 123", null, null)), "message");
        assertRefused(api.post(contacts, null, new ContactRequest("Gail", null, "+358 40 123", "x".repeat(10_001),
                null)), "message");
        assertRefused(api.post(contacts, null, new ContactRequest("G".repeat(201), null, "+358 40 123", "Hi", null)),
                "name");
        assertEquals("queue_not_found", api.post("api/v1/queues/no-such-queue/contacts", null,
                new ContactRequest("Gail", null, "+358 40 123", "Hi", null)).expect(404).problem().code());
        assertEquals(0, api.get(contacts, ann.token()).expect(200).as(ContactsPage.class).total(),
                "nothing refused was stored");

        ContactResponse gail = api.post(contacts, null, new ContactRequest("Gail", null, "+358 40 123 4567",
                "Please call about my order <b>42</b>", Map.of("topic", "Orders"))).expect(201).as(ContactResponse.class);
        ContactResponse hugo = api.post(contacts, null, new ContactRequest("Hugo", "hugo@example.com", null,
                "Email me", null)).expect(201).as(ContactResponse.class);

        ContactsPage page = api.get(contacts + "?limit=1", ann.token()).expect(200).as(ContactsPage.class);
        assertEquals(2, page.total());
        assertEquals(List.of(hugo.id()), page.contacts().stream().map(ContactResponse::id).toList(), "newest first");
        assertEquals(List.of(gail.id()), api.get(contacts + "?offset=1&limit=1", ann.token()).expect(200)
                .as(ContactsPage.class).contacts().stream().map(ContactResponse::id).toList());

        String contact = "api/v1/contacts/" + gail.id();
        ContactResponse read = api.get(contact, ann.token()).expect(200).as(ContactResponse.class);
        assertEquals("Please call about my order <b>42</b>", read.message());
        assertEquals("+358 40 123 4567", read.phone());
        assertEquals(Map.of("topic", "Orders"), read.preAnswers());
        assertNull(read.comment());

        ContactResponse commented = api.put(contact + "/comment", ann.token(),
                new ContactCommentRequest("Called back, order fixed")).expect(200).as(ContactResponse.class);
        assertEquals("Called back, order fixed", commented.comment());
        assertEquals(ann.id(), commented.commentedById());
        assertEquals(ann.name(), commented.commentedByName());
        assertNotNull(commented.commentedAt());
        assertEquals(commented, api.get(contact, ann.token()).expect(200).as(ContactResponse.class));
        assertRefused(api.put(contact + "/comment", ann.token(), new ContactCommentRequest("x".repeat(2_001))), "comment");

        // A colleague outside the queue: 403; another organization: 404; nobody signed in: 401.
        assertEquals("forbidden", api.get(contacts, ben.token()).expect(403).problem().code());
        assertEquals("forbidden", api.get(contact, ben.token()).expect(403).problem().code());
        assertEquals("forbidden", api.put(contact + "/comment", ben.token(), new ContactCommentRequest("Mine"))
                .expect(403).problem().code());
        Api.Organization other = api.signUp();
        assertEquals("contact_not_found", api.get(contact, other.ownerToken()).expect(404).problem().code());
        assertEquals(404, api.put(contact + "/comment", other.ownerToken(), new ContactCommentRequest("Mine")).status());
        assertEquals(404, api.get(contacts, other.ownerToken()).status());
        assertEquals(401, api.get(contact, null).status());
        assertEquals("Called back, order fixed", api.get(contact, ann.token()).expect(200)
                .as(ContactResponse.class).comment(), "the refused comments changed nothing");

        List<QueueLogEntryResponse> registered = api.get("api/v1/queues/" + support.id() + "/log", ann.token())
                .expect(200).asList(QueueLogEntryResponse.class).stream()
                .filter(e -> e.kind().equals("REGISTERED_CONTACT")).toList();
        assertEquals(List.of(gail.id(), hugo.id()), registered.stream().map(QueueLogEntryResponse::contactId).toList());
        assertEquals(List.of("Gail", "Hugo"), registered.stream().map(QueueLogEntryResponse::customerName).toList());
    }

    private static String summary(QueueLogEntryResponse line) {
        return line.kind() + " " + (line.agentName() == null ? "-" : line.agentName())
                + (line.customerName() == null ? " -" : " " + line.customerName());
    }

    private static QueueLogEntryResponse line(List<QueueLogEntryResponse> log, String kind) {
        return log.stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " line"));
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        Problem problem = reply.problem();
        assertEquals("validation_failed", problem.code());
        assertEquals(field, problem.field(), problem.detail());
    }
}
