package org.carequeue.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The webhooks page: an operator adds a webhook, sees its secret once, sends a test event and reads the log. */
class AdminWebhooksIT extends AgainstBuiltWar {

    @Test
    void operatorAddsAWebhookSeesItsSecretOnceAndFindsTheTestEventInTheLog() throws IOException, InterruptedException {
        Api api = api();
        Api.Organization organization = api.signUp();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/webhooks.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            assertTrue(admin.url().endsWith("/admin/webhooks.xhtml"), admin.url());

            admin.click(By.id("startForm:addWebhook"));
            admin.type(By.id("subscriptionForm:url"), url);
            admin.click(By.id("subscriptionForm:create"));
            assertEquals("Choose at least one event", admin.text(By.id("subscriptionForm:eventsMessage")),
                    "the refusal shows beside the field");
            admin.click(By.xpath("//*[@id='subscriptionForm:events']//label[text()='audience.requested']"));
            admin.click(By.id("subscriptionForm:create"));
            String secret = admin.waitUntil(d -> {
                String value = d.findElement(By.id("secretForm:secret")).getAttribute("value");
                return value != null && value.startsWith("whsec_") ? value : null;
            });
            admin.screenshot("admin-webhook-secret");
            admin.click(By.id("secretForm:secretDone"));
            admin.waitUntil(d -> !d.findElement(By.id("secretDialog")).isDisplayed());
            assertFalse(admin.script("return document.documentElement.outerHTML").toString().contains(secret),
                    "the secret is gone from the page once its dialog closed");

            admin.click(By.cssSelector("button[data-test-url='" + url + "']"));
            admin.visible(By.id("logForm:deliveries"));
            String log = "";
            for (int attempt = 0; attempt < 60 && !(log.contains("DELIVERED") && log.contains("204")); attempt++) {
                Thread.sleep(500);
                admin.click(By.id("logForm:refresh"));
                log = admin.text(By.id("logForm:deliveries"));
            }
            assertTrue(log.contains("test") && log.contains("DELIVERED") && log.contains("204"), log);
            admin.screenshot("admin-webhook-log");
            assertEquals(1, received.size(), received.toString());
            assertTrue(received.get(0).contains("\"type\":\"test\""), received.get(0));
            assertFalse(admin.script("return document.documentElement.outerHTML").toString().contains(secret));
        } finally {
            receiver.stop(0);
        }
    }
}
