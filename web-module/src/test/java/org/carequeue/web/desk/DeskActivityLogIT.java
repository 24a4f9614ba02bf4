package org.carequeue.web.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The queue view's activity log in a real browser: sentences, pages, live lines, a contact's content and comment. */
class DeskActivityLogIT extends AgainstBuiltWar {

    @Test
    void theLogReadsAsSentencesPagesUpdatesLiveAndShowsAndCommentsOnContacts() throws InterruptedException {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, ann);
        String path = "api/v1/queues/" + queue.id();
        // 23 lines in all: more than the first page's 20.
        for (int i = 0; i < 8; i++) {
            api.post(path + "/close", ann.token(), null).expect(200);
            api.post(path + "/open", ann.token(), null).expect(200);
        }
        CustomerRequestResponse carla = api.request(queue.id(), "Carla", "Hello");
        api.post(path + "/pick", ann.token(), null).expect(200);
        api.post("api/v1/audiences/" + carla.audienceId() + "/end", ann.token(), null).expect(200);
        CustomerRequestResponse dave = api.request(queue.id(), "Dave", "Anyone?");
        Thread.sleep(1_100);
        api.post("api/v1/audiences/" + dave.audienceId() + "/end", dave.customerToken(), null).expect(200);
        ContactResponse frank = api.post(path + "/contacts", null, new ContactRequest("Frank <i>F</i>",
                "frank@example.com", "+358 40 765 4321", "Call me about <b>order 42</b>\nafter 5 pm", null))
                .expect(201).as(ContactResponse.class);

        try (Browser desk = Browser.open(api)) {
            desk.go("desk/queue.xhtml?id=" + queue.id() + "&tab=log");
            desk.signIn(ann.username(), Api.PASSWORD);
            By log = By.id("queueView:tabs:log_data");
            desk.visible(log);
            String firstPage = desk.text(log);
            assertTrue(firstPage.contains(ann.name() + " picked Carla"), firstPage);
            assertTrue(firstPage.contains(ann.name() + " ended the conversation with Carla"), firstPage);
            assertTrue(firstPage.matches("(?s).*Dave left the line after [12] s.*"), firstPage);
            assertTrue(firstPage.contains("Frank <i>F</i> left their contact details"), "escaped: " + firstPage);
            assertTrue(firstPage.contains(ann.name() + " closed the queue"), firstPage);
            assertTrue(firstPage.indexOf("Frank") < firstPage.indexOf("Dave left"), "newest first: " + firstPage);
            assertEquals(20L, desk.script("return document.querySelectorAll('[id=\"queueView:tabs:log_data\"] > tr').length;"));
            desk.screenshot("desk-activity-log");

            // The oldest line is on the last page, read from the server when asked for.
            desk.click(By.cssSelector("[id='queueView:tabs:log_paginator_bottom'] .ui-paginator-next"));
            desk.waitUntil(d -> d.findElement(log).getText().contains("Owner " + organization.ownerUsername()
                    + " opened the queue"));
            desk.screenshot("desk-activity-log-last-page");
            desk.click(By.cssSelector("[id='queueView:tabs:log_paginator_bottom'] .ui-paginator-first"));
            desk.visible(By.cssSelector("a[data-contact-id='" + frank.id() + "']"));

            // A contact registered meanwhile appears without reload.
            desk.markPage();
            ContactResponse gina = api.post(path + "/contacts", null, new ContactRequest("Gina", "gina@example.com",
                    null, "Please email me", null)).expect(201).as(ContactResponse.class);
            desk.visible(By.cssSelector("a[data-contact-id='" + gina.id() + "']"));
            assertTrue(desk.stillSamePage(), "the log updates live");

            desk.click(By.cssSelector("a[data-contact-id='" + frank.id() + "']"));
            assertEquals("Frank <i>F</i>", desk.text(By.id("contactName")));
            assertEquals("frank@example.com", desk.text(By.id("contactEmail")));
            assertEquals("+358 40 765 4321", desk.text(By.id("contactPhone")));
            assertEquals("Call me about <b>order 42</b>\nafter 5 pm", desk.text(By.id("contactMessage")));
            desk.type(By.id("contactForm:comment"), "Called back on Monday");
            desk.click(By.id("contactForm:saveComment"));
            assertTrue(desk.text(By.id("contactForm:commentedBy")).startsWith("Last edited by " + ann.name()),
                    desk.text(By.id("contactForm:commentedBy")));
            desk.screenshot("desk-contact-content");
            assertEquals("Called back on Monday", api.get("api/v1/contacts/" + frank.id(), ann.token()).expect(200)
                    .as(ContactResponse.class).comment());

            // Another contact shows its own comment (none); opened again, the first shows the saved one.
            desk.click(By.xpath("//div[@id='contactDialog']//button[span[text()='Close']]"));
            desk.click(By.cssSelector("a[data-contact-id='" + gina.id() + "']"));
            desk.waitUntil(d -> d.findElement(By.id("contactName")).getText().equals("Gina"));
            assertEquals("", desk.script("return document.getElementById('contactForm:comment').value;"));
            desk.click(By.xpath("//div[@id='contactDialog']//button[span[text()='Close']]"));
            desk.click(By.cssSelector("a[data-contact-id='" + frank.id() + "']"));
            desk.waitUntil(d -> d.findElement(By.id("contactName")).getText().startsWith("Frank"));
            assertEquals("Called back on Monday", desk.attribute(By.id("contactForm:comment"), "value"));
        }
    }
}
