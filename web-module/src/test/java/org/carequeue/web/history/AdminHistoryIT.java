package org.carequeue.web.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.history.TranscriptReadingResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.organization.OrganizationSettingsResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The history pages in a real browser: search, a transcript, the reason dialog, the CSV, the settings. */
class AdminHistoryIT extends AgainstBuiltWar {

    @Test
    void anOperatorFindsAConversationReadsItWithAReasonAndDownloadsItsCsv() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, ann);
        Api.Agent operator = api.operator(organization);
        String customerName = Api.unique("Carla");
        String typed = "<script>alert('x')</script> =1+1";
        CustomerRequestResponse carla = api.post("api/v1/queues/" + queue.id() + "/requests", null,
                new CustomerRequest(customerName, typed, Map.of("browser", "Firefox 120"), null,
                        Map.of("topic", "invoice"))).expect(201).as(CustomerRequestResponse.class);
        String audience = "api/v1/audiences/" + carla.audienceId();
        api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
        api.post(audience + "/messages", ann.token(), new PostMessageRequest("a1", "Hello, how can I help?")).expect(201);
        api.post(audience + "/end-and-hide", ann.token(), null).expect(200);

        try (Browser admin = Browser.open(api)) {
            admin.go("admin/history.xhtml").signIn(operator.username(), Api.PASSWORD);
            admin.type(By.id("historyForm:customer"), customerName);
            admin.click(By.id("historyForm:search"));
            admin.waitUntil(d -> d.findElement(By.id("historyForm:audiences_data")).getText().contains(customerName));
            assertEquals(1, admin.waitUntil(d -> d.findElements(By.cssSelector("#historyForm\\:audiences_data tr"))).size(),
                    "only the matching conversation is listed");
            admin.screenshot("admin-history");

            admin.click(By.cssSelector("a[data-audience='" + carla.audienceId() + "']"));
            admin.waitUntil(d -> d.getCurrentUrl().contains("audience=" + carla.audienceId()));
            // The page's own link carries the session's token of the protected view (CsrfIT).
            String transcriptLink = admin.url();
            String messages = admin.text(By.id("messages"));
            assertTrue(messages.contains(typed), "what the customer typed shows as text: " + messages);
            assertTrue(messages.contains("Hello, how can I help?"), messages);
            assertFalse(admin.has(By.cssSelector("#messages script")), "nothing typed becomes markup");
            assertTrue(admin.text(By.id("transcript")).contains("Firefox 120"));
            assertTrue(admin.text(By.id("transcript")).contains("invoice"));
            admin.screenshot("admin-transcript");

            admin.click(By.id("csvForm:downloadCsv"));
            Path csv = admin.downloaded("transcript-" + carla.audienceId() + ".csv");
            assertNotNull(csv, "the CSV was downloaded");
            String content = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(content.contains("customer," + customerName), content);
            assertTrue(content.contains("'<script>") || content.contains("<script>"), content);

            admin.go("admin/organization.xhtml");
            admin.visible(By.id("ownerOnly"));
            assertFalse(admin.has(By.id("settingsForm:save")), "operators cannot lift the rule that holds them to account");
            try (Browser owner = Browser.open(api)) {
                owner.go("admin/organization.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
                owner.turn("settingsForm:requireTranscriptReason", true);
                owner.click(By.id("settingsForm:save"));
                owner.waitUntil(d -> d.findElement(By.id("growl_container")).getText().contains("The settings were saved."));
                owner.screenshot("admin-organization-settings");
            }
            assertTrue(api.get("api/v1/organization/settings", operator.token()).expect(200)
                    .as(OrganizationSettingsResponse.class).requireTranscriptReason());

            admin.go(transcriptLink);
            admin.visible(By.id("reasonDialog"));
            assertFalse(admin.has(By.id("messages")), "nothing shows before the reason");
            admin.click(By.id("reasonForm:open"));
            admin.waitUntil(d -> d.findElement(By.id("reasonForm:reasonMessage")).getText().contains("reason"));
            admin.screenshot("admin-transcript-reason-refused");
            String reason = "Complaint #81: checking the answer";
            admin.type(By.id("reasonForm:reason"), reason);
            admin.click(By.id("reasonForm:open"));
            admin.waitUntil(d -> !d.findElement(By.id("reasonDialog")).isDisplayed());
            admin.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("Hello, how can I help?"));
            admin.waitUntil(d -> d.findElement(By.id("readings")).getText().contains(reason));
            admin.screenshot("admin-transcript-with-reason");

            Files.delete(csv);
            admin.click(By.id("csvForm:downloadCsv"));
            assertNotNull(admin.downloaded("transcript-" + carla.audienceId() + ".csv"), "downloaded again");
            List<String> audit = api.get(audience + "/transcript/readings", operator.token()).expect(200)
                    .asList(TranscriptReadingResponse.class).stream().map(r -> r.channel() + ":" + r.reason()).toList();
            assertEquals(List.of("CSV:" + reason, "PAGE:" + reason, "CSV:null", "PAGE:null"), audit);

            admin.go("admin/queues.xhtml?edit=" + queue.id());
            admin.visible(By.id("settingsDialog"));
            admin.type(By.id("settingsForm:transcriptRetentionDays"), "soon");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("settingsForm:transcriptRetentionDaysMessage")).getText().isEmpty());
            admin.type(By.id("settingsForm:transcriptRetentionDays"), "-5");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> d.findElement(By.id("settingsForm:transcriptRetentionDaysMessage")).getText()
                    .contains("keep forever"));
            admin.screenshot("admin-queue-retention-refused");
            admin.type(By.id("settingsForm:transcriptRetentionDays"), "30");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("settingsDialog")).isDisplayed());
            assertEquals(30, api.get("api/v1/queues/" + queue.id(), organization.ownerToken()).expect(200)
                    .as(QueueResponse.class).transcriptRetentionDays());
        }
    }
}
