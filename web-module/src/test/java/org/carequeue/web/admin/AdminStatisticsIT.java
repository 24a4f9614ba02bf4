package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.tag.AudienceTagsRequest;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The operators' statistics page and live dashboard in a real browser. */
class AdminStatisticsIT extends AgainstBuiltWar {

    /**
     * Well under the dashboard's own re-read every 15 s: what shows within it came through the
     * signal socket.
     */
    private static final Duration LIVE = Duration.ofSeconds(6);

    /**
     * Three customers today: one picked, ended and rated good and tagged, one picked and ended by
     * the customer, one who left the line. The page, its CSV and the API say the same.
     */
    @Test
    void theStatisticsPageShowsChartsTablesCsvAndTheAudiencesBehindARow() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        TagResponse tag = api.post("api/v1/tags", organization.ownerToken(), new TagRequest("Billing", "#2563eb", null))
                .expect(201).as(TagResponse.class);
        CustomerRequestResponse rated = api.request(queue.id(), "Rita Rated", "Invoice?");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        api.put("api/v1/audiences/" + rated.audienceId() + "/tags", agent.token(),
                new AudienceTagsRequest(List.of(tag.id()))).expect(200);
        api.post("api/v1/audiences/" + rated.audienceId() + "/end", agent.token(), null).expect(200);
        api.post("api/v1/audiences/" + rated.audienceId() + "/rating", rated.customerToken(),
                new RatingRequest(RatingRequest.GOOD)).expect(200);
        CustomerRequestResponse leftAfterPick = api.request(queue.id(), "Leo Left", "Hello");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        api.post("api/v1/audiences/" + leftAfterPick.audienceId() + "/end", leftAfterPick.customerToken(), null)
                .expect(200);
        CustomerRequestResponse dropped = api.request(queue.id(), "Dora Dropped", "Anyone?");
        api.post("api/v1/audiences/" + dropped.audienceId() + "/end", dropped.customerToken(), null).expect(200);

        try (Browser admin = Browser.open(api)) {
            admin.go("admin/statistics.xhtml?queue=" + queue.id()).signIn(organization.ownerUsername(), Api.PASSWORD);
            assertEquals(queue.name(), admin.text(By.id("filters:queueId_label")), "the queue of the link is chosen");
            admin.visible(By.id("results:intervals"));
            assertTrue(admin.text(By.cssSelector(".cq-stats-scope")).startsWith(queue.name()));
            String zone = (String) admin.script("return Intl.DateTimeFormat().resolvedOptions().timeZone;");
            assertEquals(zone, admin.attribute(By.id("filters:zone_input"), "value"), "the browser's zone by default");

            List<String> total = admin.waitUntil(d -> d.findElements(By.cssSelector("[id='results:intervals'] tfoot td"))
                    .stream().map(WebElement::getText).toList());
            assertEquals(List.of("Total", "3", "2", "1", "1", "0"), total.subList(0, 6),
                    "conversations, accepted, dropped, left after pick, registered contacts: " + total);
            assertEquals("1 (1 / 0 / 0)", total.get(12), "one rating, good");
            assertEquals("1.00", total.get(13), "good is 1.0");
            List<WebElement> todays = admin.waitUntil(d -> d.findElements(
                    By.xpath("//tbody[@id='results:intervals_data']/tr[.//button[@data-drill]]")));
            assertEquals(1, todays.size(), "all three came today");
            assertTrue(todays.get(0).getText().contains("3 2 1 1 0"), todays.get(0).getText());
            assertTrue(admin.text(By.id("results:tags")).contains("Billing"), admin.text(By.id("results:tags")));
            assertTrue(admin.text(By.id("results:agents")).contains(agent.name()));
            for (String chart : List.of("volumesChart", "queueingChart")) {
                assertEquals(Boolean.TRUE, admin.waitUntil(d -> admin.script("const c = document.querySelector("
                        + "'[id=\"results:" + chart + "\"] canvas'); if (!c || !c.width) return null;"
                        + " return c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0) || null;")),
                        chart + " is drawn");
            }
            admin.screenshot("admin-statistics");
            admin.script("document.querySelector('.cq-stats-scroll').scrollIntoView();");
            admin.screenshot("admin-statistics-tables");

            String csv = (String) admin.script("const form = document.getElementById('results');"
                    + " const data = new URLSearchParams(new FormData(form)); data.append('results:tableCsv', '');"
                    + " return fetch(form.action, {method: 'POST', body: data}).then(r => r.text());");
            String from = admin.attribute(By.id("filters:from_input"), "value");
            String to = LocalDate.parse(admin.attribute(By.id("filters:to_input"), "value")).plusDays(1).toString();
            HttpResponse<String> apiCsv = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(api.base().resolve(
                            "api/v1/queues/" + queue.id() + "/statistics?from=" + from + "&to=" + to + "&zone=" + zone))
                    .header("Authorization", "Bearer " + organization.ownerToken()).header("Accept", "text/csv")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, apiCsv.statusCode(), apiCsv.body());
            assertEquals(apiCsv.body().lines().toList(), csv.lines().toList(), "the page's CSV is the API's");
            String totalLine = csv.lines().filter(l -> l.startsWith("total,")).findFirst().orElseThrow();
            assertTrue(totalLine.matches("total,[^,]*,[^,]*,3,2,1,0,1,0,.*"), totalLine);

            admin.click(By.id("results:intervals:drillTotal"));
            admin.waitUntil(d -> d.findElement(By.id("drillDialog")).isDisplayed());
            assertTrue(admin.text(By.id("drillTitle")).endsWith("3 in all"), admin.text(By.id("drillTitle")));
            List<String> links = admin.waitUntil(d -> d.findElements(By.cssSelector("[id='drillForm:audiences'] a.cq-transcript-link"))
                    .stream().map(a -> a.getAttribute("href")).toList());
            // Each link carries the session's token of the protected view (CsrfIT) beside the audience.
            assertEquals(List.of(rated, leftAfterPick, dropped).stream().map(r -> r.audienceId()).toList(),
                    links.stream().map(href -> href.replaceFirst(".*[?&]audience=([^&]+).*", "$1")).toList(),
                    "oldest first, each with its transcript link");
            assertTrue(links.stream().allMatch(href -> href.contains("/admin/transcript.xhtml?")
                    && href.contains("jakarta.faces.Token=")), links.toString());
            assertTrue(admin.text(By.id("drillForm:audiences")).contains("Rita Rated"));
            admin.screenshot("admin-statistics-drill-down");
            admin.script("PF('drillDialog').hide();");

            admin.type(By.id("filters:zone_input"), "Mars/Olympus_Mons");
            admin.press(By.id("filters:zone_input"), Keys.ESCAPE);
            admin.click(By.id("filters:show"));
            assertEquals("Zone must be a time zone such as Europe/Helsinki",
                    admin.text(By.cssSelector(".cq-field:has([id='filters:zone']) .ui-message")), "beside the field");
            // Back to the browser's zone, in which from and to were read: another zone's dates can
            // miss today's conversations near midnight.
            admin.type(By.id("filters:zone_input"), zone);
            admin.press(By.id("filters:zone_input"), Keys.ESCAPE);
            choose(admin, "fromPicker", "2026-12-31");
            choose(admin, "toPicker", "2026-12-01");
            admin.click(By.id("filters:show"));
            String refusal = admin.text(By.cssSelector(".cq-field:has([id='filters:to']) .ui-message"));
            assertTrue(refusal.startsWith("To must be after from"), refusal);
            admin.screenshot("admin-statistics-refused");
            choose(admin, "fromPicker", from);
            choose(admin, "toPicker", LocalDate.parse(to).minusDays(1).toString());
            admin.click(By.id("filters:show"));
            admin.waitUntil(d -> d.findElements(By.cssSelector(".cq-field .ui-message-error")).isEmpty());
            assertEquals("3", admin.text(By.cssSelector("#figureConversations .cq-figure-number")),
                    "the page works again after the refusal");
        }
    }

    /** Chooses a date through the date picker's own widget, once the page's ajax (zone suggestions) is done. */
    private static void choose(Browser browser, String widget, String date) {
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return PrimeFaces.ajax.Queue.isEmpty();")));
        browser.script("PF(arguments[0]).setDate(new Date(arguments[1] + 'T00:00:00'));", widget, date);
    }

    @Test
    void theDashboardShowsArrivalsPicksAndAgentsAtTheirDesksWithoutReload() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        By queueRow = By.xpath("//tr[.//div[@data-queue='" + queue.name() + "']]");
        By agentRow = By.xpath("//tr[.//div[@data-agent='" + agent.name() + "']]");
        try (Browser admin = Browser.open(api); Browser desk = Browser.open(api)) {
            admin.go("admin/dashboard.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            assertEquals("0", admin.text(By.cssSelector("#totalWaiting .cq-figure-number")));
            assertTrue(admin.text(queueRow).contains("Open"), admin.text(queueRow));
            assertEquals("Nobody has the desk open.", admin.text(By.id("dashboard:agents_data")),
                    "the operator watching the dashboard does not count as at a desk");
            admin.markPage();

            CustomerRequestResponse request = api.request(queue.id(), "Wanda Waiting", "Hello?");
            try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken())) {
                admin.waitUntil(LIVE, d -> "1".equals(d.findElement(queueRow)
                        .findElement(By.className("cq-waiting-count")).getText()));
                assertEquals("1", admin.text(By.cssSelector("#totalWaiting .cq-figure-number")));
                String longest = admin.waitUntil(d -> {
                    String shown = d.findElement(By.cssSelector("#totalLongestWait .cq-wait")).getText();
                    return shown.matches("0:\\d\\d") ? shown : null;
                });
                assertTrue(longest.startsWith("0:"), longest);

                desk.go("desk/").signIn(agent.username(), Api.PASSWORD);
                admin.waitUntil(LIVE, d -> !d.findElements(agentRow).isEmpty());
                assertEquals("0", admin.text(agentRow).replaceAll(".*\\s", ""), "no live conversation yet");
                assertEquals("1", admin.text(By.cssSelector("#totalAgents .cq-figure-number")));
                assertTrue(admin.text(queueRow).matches("(?s).*Open\\s+1\\s+0:\\d\\d\\s+1\\s+0.*"),
                        "waiting 1, longest wait, 1 member online, no live conversation: " + admin.text(queueRow));
                admin.screenshot("admin-dashboard-waiting");

                api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
                admin.waitUntil(LIVE, d -> "0".equals(d.findElement(queueRow)
                        .findElement(By.className("cq-waiting-count")).getText()));
                admin.waitUntil(LIVE, d -> "1".equals(d.findElement(agentRow)
                        .findElement(By.className("cq-live-count")).getText()));
                assertEquals("1", admin.text(By.cssSelector("#totalLive .cq-figure-number")));
                admin.screenshot("admin-dashboard-picked");

                desk.go("about:blank");
                admin.waitUntil(LIVE, d -> d.findElements(agentRow).isEmpty());
                assertTrue(admin.stillSamePage(), "the dashboard updated without reload");
            }
        }
    }
}
