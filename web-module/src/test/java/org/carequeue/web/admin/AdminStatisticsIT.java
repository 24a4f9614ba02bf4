package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The operators' statistics page and live dashboard in a real browser. */
class AdminStatisticsIT extends AgainstBuiltWar {

    /**
     * Well under the dashboard's own re-read every 15 s: what shows within it came through the
     * signal socket.
     */
    private static final Duration LIVE = Duration.ofSeconds(6);

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

                desk.go("signin.xhtml");
                admin.waitUntil(LIVE, d -> d.findElements(agentRow).isEmpty());
                assertTrue(admin.stillSamePage(), "the dashboard updated without reload");
            }
        }
    }
}
