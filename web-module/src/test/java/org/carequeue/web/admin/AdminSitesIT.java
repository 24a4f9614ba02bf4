package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteView;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The sites page: an operator creates a site, sees a refused origin beside the origins with its
 * line, fixes it and saves, gets the embed snippet, and the public read of the site shows what
 * they typed; then deletes it after a confirmation.
 */
class AdminSitesIT extends AgainstBuiltWar {

    @Test
    void operatorCreatesASiteSeesARefusalBesideTheFieldSavesAndThePublicViewShowsIt() {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse support = api.openQueue(organization, 10);
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/sites.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            assertTrue(admin.url().endsWith("/admin/sites.xhtml"), admin.url());

            admin.click(By.id("startForm:addSite"));
            admin.type(By.id("siteForm:name"), "Web shop");
            admin.type(By.id("siteForm:texts:0:welcome"), "Hei, miten voimme auttaa?");
            admin.click(By.xpath("//*[@id='siteForm:texts']//a[contains(., 'English')]"));
            admin.type(By.id("siteForm:texts:1:welcome"), "Hi, how can we help?");
            admin.click(By.id("siteForm:addPre"));
            admin.type(By.id("siteForm:pre:questions:0:name"), "topic");
            admin.type(By.id("siteForm:pre:questions:0:label_fi"), "Aihe");
            admin.type(By.id("siteForm:pre:questions:0:label_en"), "Topic");
            admin.click(By.id("siteForm:addPre"));
            admin.type(By.id("siteForm:pre:questions:1:name"), "email");
            admin.type(By.id("siteForm:pre:questions:1:label_fi"), "Sähköposti");
            admin.click(By.id("siteForm:pre:questions:1:up"));
            admin.waitUntil(d -> "email".equals(d.findElement(By.id("siteForm:pre:questions:0:name")).getAttribute("value")));
            admin.script("document.getElementById('siteForm:addPre').scrollIntoView({block: 'end'})");
            admin.screenshot("admin-site-questionnaire");
            admin.click(By.cssSelector("[id='siteForm:queueIds'] li[data-item-value='" + support.id() + "']"));
            admin.click(By.cssSelector("[id='siteForm:queueIds'] .ui-picklist-button-add"));
            admin.waitUntil(d -> !d.findElements(By.cssSelector(
                    "[id='siteForm:queueIds'] .ui-picklist-target li[data-item-value='" + support.id() + "']")).isEmpty());
            admin.type(By.id("siteForm:allowedOrigins"), "https://shop.example.com\nftp://files.example.com");
            admin.click(By.id("siteForm:save"));

            String refusal = admin.text(By.id("siteForm:allowedOriginsMessage"));
            assertTrue(refusal.startsWith("Line 2:") && refusal.contains("ftp://files.example.com"), refusal);
            admin.screenshot("admin-site-refused-origin");
            assertEquals(List.of(), api.get("api/v1/sites", organization.ownerToken()).expect(200)
                    .asList(SiteConfiguration.class), "nothing saved");

            admin.type(By.id("siteForm:allowedOrigins"), "https://shop.example.com\nhttp://localhost:8080");
            admin.click(By.id("siteForm:save"));
            String snippet = admin.text(By.id("snippet"));
            Matcher key = Pattern.compile("<script src=\"http://[^\"]+/widget/loader\\.js\" data-site=\"([A-Za-z0-9_-]{22})\" async></script>")
                    .matcher(snippet);
            assertTrue(key.matches(), snippet);
            admin.screenshot("admin-site-saved");

            SiteView english = api.get("api/v1/sites/" + key.group(1) + "?lang=en", null).expect(200).as(SiteView.class);
            assertEquals("Hi, how can we help?", english.texts().welcome());
            assertEquals(List.of("email", "topic"), english.preQuestionnaire().stream().map(q -> q.name()).toList(),
                    "in the order the rows were moved to");
            assertEquals("Topic", english.preQuestionnaire().get(1).label());
            assertEquals("Sähköposti", english.preQuestionnaire().get(0).label(), "no English label: the Finnish one");
            assertEquals(List.of(support.id()), english.queues().stream().map(PublicQueueResponse::id).toList());
            assertEquals("Hei, miten voimme auttaa?", api.get("api/v1/sites/" + key.group(1), null).expect(200)
                    .as(SiteView.class).texts().welcome(), "Finnish by default");
            SiteConfiguration saved = api.get("api/v1/sites/" + key.group(1), organization.ownerToken()).expect(200)
                    .as(SiteConfiguration.class);
            assertEquals(List.of("http://localhost:8080", "https://shop.example.com"), saved.allowedOrigins());
            assertEquals("Web shop", saved.name());

            admin.click(By.cssSelector("button[data-delete-site='" + key.group(1) + "']"));
            admin.click(By.id("confirmYes"));
            admin.waitUntil(d -> d.findElements(By.cssSelector("button[data-delete-site='" + key.group(1) + "']")).isEmpty());
            api.get("api/v1/sites/" + key.group(1), null).expect(404);
        }
    }
}
