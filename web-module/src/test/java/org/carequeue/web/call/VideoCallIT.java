package org.carequeue.web.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A video call between the desk and a customer client, in two headless Chromiums with fake cameras,
 * on loopback. The customer client is a minimal page (test resource {@code call/customer.html})
 * served by this test: it speaks the chat socket protocol with the customer token and runs the
 * application's own {@code call.js}, as the desk does.
 */
class VideoCallIT extends AgainstBuiltWar {

    Api api;
    Api.Organization organization;
    Api.Agent agent;
    QueueResponse queue;
    CustomerRequestResponse carl;
    HttpServer customerPages;

    @BeforeEach
    void aPickedCustomerInAQueueWithCalls() throws IOException {
        api = api();
        organization = api.signUp();
        agent = api.agent(organization);
        queue = api.openQueue(organization, 10, agent);
        carl = api.request(queue.id(), "Carl", "Can you show me how?");
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), new PickRequest(carl.audienceId()))
                .expect(200);
        customerPages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        customerPages.createContext("/customer.html", exchange -> {
            byte[] page = customerPage();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        customerPages.start();
        // The customer's page is another origin than CareQueue's: a site of the organization allows it.
        api.post("api/v1/sites", organization.ownerToken(), new SiteConfiguration(null, null, "Customer pages", "en",
                Map.of(), List.of(), List.of(), List.of(queue.id()), null, true, true, true,
                List.of("http://127.0.0.1:" + customerPages.getAddress().getPort()))).expect(201);
    }

    @AfterEach
    void stopCustomerPages() {
        customerPages.stop(0);
    }

    @Test
    void theAgentCallsTheCustomerBothConnectAndAfterTheHangUpTheChatGoesOn() {
        settings("AGENT", true);
        try (Browser desk = Browser.withFakeMediaDevices(api); Browser customer = Browser.withFakeMediaDevices(api)) {
            openCustomer(customer);
            openDesk(desk);

            // Typing, both ways. The customer repeats it until the desk's socket is up and shows it.
            desk.waitUntil(d -> {
                customer.script("customer.typing(true)");
                return deskTyping(desk).equals("Carl is typing…") ? Boolean.TRUE : null;
            });
            desk.screenshot("call-desk-customer-typing");
            customer.script("customer.typing(false)");
            desk.waitUntil(d -> deskTyping(desk).isEmpty());
            desk.type(By.id("conversation:text"), "Let me call you");
            customer.waitUntil(d -> (agent.name() + " is typing…").equals(customer.script(
                    "return document.getElementById('typing').textContent")));

            desk.click(By.id("conversation:videoCall"));
            customer.waitUntil(d -> "ringing".equals(customer.script("return customer.phase()")));
            customer.script("customer.pickUp()");
            desk.waitUntil(d -> "connected".equals(deskCall(desk).get("connectionState")));
            customer.waitUntil(d -> "connected".equals(customer.script("return customer.connectionState()")));
            // The fake camera's frames arrive on both sides.
            desk.waitUntil(d -> ((Number) desk.script("return document.getElementById('remoteVideo').videoWidth"))
                    .intValue() > 0);
            customer.waitUntil(d -> ((Number) customer.script("return document.getElementById('remote').videoWidth"))
                    .intValue() > 0);
            assertEquals("in-call", deskCall(desk).get("phase"));
            desk.screenshot("call-desk-in-call");

            desk.click(By.id("conversation:shareScreen"));
            desk.waitUntil(d -> "Stop sharing".equals(desk.script(
                    "return document.querySelector('[id=\"conversation:shareScreen\"] .ui-button-text').textContent")));
            assertEquals("connected", deskCall(desk).get("connectionState"), "sharing the screen keeps the call");
            desk.screenshot("call-desk-sharing-screen");

            desk.click(By.id("conversation:hangUp"));
            customer.waitUntil(d -> "idle".equals(customer.script("return customer.phase()")));
            assertEquals("none", customer.script("return customer.connectionState()"));
            assertEquals("idle", deskCall(desk).get("phase"));
            desk.screenshot("call-desk-after-hang-up");

            customer.script("customer.say('Thanks, that helped')");
            desk.waitUntil(d -> desk.has(By.xpath("//div[contains(@class,'cq-bubble') and text()='Thanks, that helped']")));
            desk.type(By.id("conversation:text"), "You are welcome");
            desk.press(By.id("conversation:text"), Keys.ENTER);
            customer.waitUntil(d -> String.valueOf(customer.script(
                    "return document.getElementById('messages').textContent")).contains("You are welcome"));
        }
    }

    @Test
    void theCustomerCallsAndTheAgentDeclinesOrTakesTheCall() {
        settings("BOTH", false);
        try (Browser desk = Browser.withFakeMediaDevices(api); Browser customer = Browser.withFakeMediaDevices(api)) {
            openCustomer(customer);
            openDesk(desk);
            assertFalse(desk.has(By.id("conversation:shareScreen")), "screen sharing is off in this queue");

            // The customer calls again until the desk's socket is up and rings.
            desk.waitUntil(d -> {
                if ("idle".equals(customer.script("return customer.phase()"))) {
                    customer.script("customer.call()");
                }
                return "ringing".equals(deskCall(desk).get("phase")) ? Boolean.TRUE : null;
            });
            assertTrue(desk.visible(By.id("conversation:acceptCall")).isDisplayed());
            desk.screenshot("call-desk-incoming");
            desk.click(By.id("conversation:declineCall"));
            customer.waitUntil(d -> "idle".equals(customer.script("return customer.phase()")));

            customer.script("customer.call()");
            desk.click(By.id("conversation:acceptCall"));
            desk.waitUntil(d -> "connected".equals(deskCall(desk).get("connectionState")));
            customer.waitUntil(d -> "connected".equals(customer.script("return customer.connectionState()")));

            customer.script("customer.hangUp()");
            desk.waitUntil(d -> "idle".equals(deskCall(desk).get("phase")));
            assertEquals("none", deskCall(desk).get("connectionState"));
        }
    }

    @Test
    void withoutCallsInTheQueueTheDeskOffersNone() {
        try (Browser desk = Browser.open(api)) {
            openDesk(desk);
            assertFalse(desk.has(By.id("conversation:videoCall")), "the queue's video setting is NOBODY");
        }
    }

    @Test
    void operatorsChooseWhoMayCallInTheQueueSettingsDialog() {
        try (Browser admin = Browser.open(api)) {
            admin.go("admin/queues.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            admin.click(By.cssSelector("button[data-queue='" + queue.name() + "']"));
            admin.choose("settingsForm:video", "The agent");
            admin.turn("settingsForm:screenShare", true);
            admin.screenshot("call-admin-queue-settings");
            admin.click(By.id("settingsForm:save"));
            admin.waitUntil(d -> !d.findElement(By.id("settingsDialog")).isDisplayed());
        }
        QueueResponse saved = api.get("api/v1/queues/" + queue.id(), agent.token()).expect(200).as(QueueResponse.class);
        assertEquals("AGENT", saved.video());
        assertTrue(saved.screenShare());
    }

    private void openCustomer(Browser customer) {
        URI base = api.base();
        String socket = "ws://" + base.getAuthority() + base.getPath() + "api/ws/chat";
        String script = base.resolve("jakarta.faces.resource/call.js.xhtml?ln=carequeue").toString();
        customer.go("http://127.0.0.1:" + customerPages.getAddress().getPort() + "/customer.html?ws=" + encode(socket)
                + "&token=" + encode(carl.customerToken()) + "&script=" + encode(script));
        customer.waitUntil(d -> Boolean.TRUE.equals(customer.script("return !!window.customer && customer.ready()")));
    }

    private void openDesk(Browser desk) {
        desk.go("desk/").signIn(agent.username(), Api.PASSWORD);
        desk.go("desk/conversation.xhtml?id=" + carl.audienceId());
        desk.visible(By.id("conversation:text"));
    }

    private static String deskTyping(Browser desk) {
        return String.valueOf(desk.script("return document.getElementById('typingIndicator').textContent"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deskCall(Browser desk) {
        return (Map<String, Object>) desk.script("return CareQueueDesk.callState()");
    }

    private void settings(String video, boolean screenShare) {
        api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 10, false).withVideo(video, screenShare)).expect(200);
    }

    private static byte[] customerPage() {
        try (InputStream page = VideoCallIT.class.getResourceAsStream("/call/customer.html")) {
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
