package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An operator creates an API key on its admin page, sees it once, sees its use, and revokes it. */
class AdminApiKeysIT extends AgainstBuiltWar {

    private static final String STATISTICS = "api/v1/statistics?from=2026-01-01&to=2026-01-02&zone=UTC";

    @Test
    void aKeyCreatedInTheAdminIsShownOnceThenOnlyByNameAndPrefix() {
        Api api = api();
        Api.Organization organization = api.signUp();
        String key;
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/members.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.click(By.id("navApiKeys"));
            admin.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/api-keys.xhtml"));

            admin.type(By.id("createForm:name"), "CRM sync");
            admin.click(By.id("createForm:create"));
            assertEquals("Choose at least one scope", admin.text(By.id("createForm:scopesMessage")),
                    "the refusal shows beside the field");

            admin.click(By.xpath("//label[text()='Read statistics']"));
            admin.click(By.id("createForm:create"));
            key = admin.waitUntil(d -> {
                String value = d.findElement(By.id("keyForm:key")).getAttribute("value");
                return value != null && value.startsWith("cqk_") ? value : null;
            });
            admin.screenshot("admin-api-key-created");
            admin.click(By.id("keyForm:keyDone"));
            admin.waitUntil(d -> !d.findElement(By.id("keyDialog")).isDisplayed());
            String listed = admin.text(By.id("keysForm:keys"));
            assertTrue(listed.contains("CRM sync") && listed.contains(key.substring(0, 8)), listed);
            assertFalse(admin.script("return document.documentElement.outerHTML").toString().contains(key),
                    "after the dialog the page no longer holds the key");

            api.get(STATISTICS, key).expect(200);
            admin.go("admin/api-keys.xhtml");
            assertEquals("1", admin.text(By.cssSelector(".cq-use-count")), "the use shows in the list");
            assertFalse(admin.text(By.id("keysForm:keys")).contains("never"), "and when it was");

            admin.click(By.cssSelector("button[data-key='CRM sync']"));
            admin.click(By.id("confirmYes"));
            admin.waitUntil(d -> d.findElement(By.id("keysForm:keys")).getText().contains("Revoked"));
            admin.screenshot("admin-api-keys");
        }
        assertEquals("invalid_api_key", api.get(STATISTICS, key).expect(401).problem().code());
    }
}
