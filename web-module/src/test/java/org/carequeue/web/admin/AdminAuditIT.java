package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The audit log page: the operator's own sign-in shows, newest first, and the kind filter narrows it. */
class AdminAuditIT extends AgainstBuiltWar {

    @Test
    void theOperatorReadsTheLogAndFiltersItByKind() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/audit.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.waitUntil(d -> d.findElement(By.id("auditForm:entries")).getText().contains("SIGNED_IN"));
            String all = admin.text(By.id("auditForm:entries"));
            assertTrue(all.contains("sign-in page"), all);
            assertTrue(all.contains("MEMBER_ADDED") && all.contains(agent.username()), all);
            admin.screenshot("admin-audit-log");

            admin.choose("auditForm:kind", "MEMBER_ADDED");
            admin.waitUntil(d -> !d.findElement(By.id("auditForm:entries")).getText().contains("SIGNED_IN"));
            String added = admin.text(By.id("auditForm:entries"));
            assertTrue(added.contains(agent.username()), added);
            assertFalse(added.contains("sign-in page"), added);
        }
    }
}
