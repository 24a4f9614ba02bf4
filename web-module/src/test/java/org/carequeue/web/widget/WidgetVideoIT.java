package org.carequeue.web.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Video calls between the desk and the customer's widget, in two headless Chromiums with fake cameras: the
 * widget on a shop's page of another origin (as {@link WidgetIT} embeds it), the desk signed in as the agent.
 * Both ways of calling connect, either side hangs up and the chat goes on; when the queue lets only the agent
 * call, the widget's own call is refused and the button goes.
 */
class WidgetVideoIT extends AgainstBuiltWar {

    Api api;
    Api.Organization organization;
    Api.Agent agent;
    QueueResponse queue;
    HttpServer shop;
    String siteKey;

    @BeforeEach
    void aShopOfferingVideoInAQueueWhereBothMayCall() throws IOException {
        api = api();
        organization = api.signUp();
        agent = api.agent(organization);
        queue = api.openQueue(organization, 10, agent);
        settings("BOTH");
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/shop", exchange -> {
            byte[] page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                    + "<meta name='viewport' content='width=device-width, initial-scale=1'><title>Video shop</title>"
                    + "</head><body><h1>Video shop</h1><script src='" + careQueue() + "widget/loader.js' data-site='"
                    + siteKey + "' async></script></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.start();
        siteKey = api.post("api/v1/sites", organization.ownerToken(), new SiteConfiguration(null, null, "Video shop",
                "en", Map.of(), List.of(), List.of(), List.of(queue.id()), null, false, false, true,
                List.of(shopOrigin()))).expect(201).as(SiteConfiguration.class).siteKey();
    }

    @AfterEach
    void closeShop() {
        shop.stop(0);
    }

    /** CareQueue by its address, the shop by its name: two origins. */
    String careQueue() {
        return "http://127.0.0.1:" + api.base().getPort() + "/";
    }

    String shopOrigin() {
        return "http://localhost:" + shop.getAddress().getPort();
    }

    @Test
    void theAgentAndTheCustomerCallEachOtherHangUpAndChatOn() {
        try (Browser desk = Browser.withFakeMediaDevices(api); Browser customer = Browser.withFakeMediaDevices(api)) {
            customer.windowSize(390, 844);
            customer.go(shopOrigin() + "/shop");
            customer.enterFrame(WidgetIT.FRAME);
            customer.click(By.id("cq-bar"));
            customer.click(By.cssSelector(".cq-queue[data-queue-id='" + queue.id() + "']"));
            customer.click(By.id("cq-start"));
            customer.visible(By.id("cq-position"));
            String audienceId = (String) customer.script("return JSON.parse(sessionStorage.getItem("
                    + "'carequeue.widget." + siteKey + "')).audienceId;");
            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            customer.visible(By.id("cq-video"));
            assertEquals("Start a video call", customer.attribute(By.id("cq-video"), "aria-label"));

            desk.go("desk/").signIn(agent.username(), Api.PASSWORD);
            desk.go("desk/conversation.xhtml?id=" + audienceId);
            desk.visible(By.id("conversation:text"));
            // The desk's socket is up once the customer's typing shows there (calls are not queued for it).
            desk.waitUntil(Duration.ofSeconds(30), d -> {
                customer.type(By.id("cq-text"), "x");
                return String.valueOf(desk.script("return document.getElementById('typingIndicator').textContent"))
                        .endsWith("is typing…") ? Boolean.TRUE : null;
            });
            customer.script("document.getElementById('cq-text').value = ''");

            // The agent calls; the widget rings and the customer answers with the keyboard.
            desk.click(By.id("conversation:videoCall"));
            customer.visible(By.id("cq-call-accept"));
            assertEquals(agent.name() + " is calling you (video)", customer.text(By.id("cq-call-text")));
            customer.screenshot("widget-video-ringing-phone");
            WidgetIT.accessible(customer, "widget-video-ringing");
            customer.press(By.id("cq-call-accept"), Keys.ENTER);
            desk.waitUntil(d -> "connected".equals(deskCall(desk).get("connectionState")));
            // call.js puts the call "in-call" when its RTCPeerConnection's connectionState is "connected".
            customer.waitUntil(d -> "in-call".equals(callPhase(customer)));
            customer.waitUntil(d -> remoteFrames(customer, "cq-remote-video"));
            desk.waitUntil(d -> remoteFrames(desk, "remoteVideo"));
            assertEquals("Video call with " + agent.name(), customer.text(By.id("cq-call-text")));
            customer.screenshot("widget-video-in-call-phone");
            WidgetIT.accessible(customer, "widget-video-in-call");

            customer.click(By.id("cq-hang-up"));
            desk.waitUntil(d -> "idle".equals(deskCall(desk).get("phase")));
            assertEquals("none", deskCall(desk).get("connectionState"));
            customer.waitUntil(d -> "idle".equals(callPhase(customer)));
            assertEquals("The video call ended.", customer.text(By.id("cq-call-text")));
            assertTrue(customer.visible(By.id("cq-video")).isDisplayed(), "the customer may call again");
            customer.screenshot("widget-video-after-hang-up-phone");

            // The chat goes on, both ways.
            customer.type(By.id("cq-text"), "Thanks, I saw it");
            customer.press(By.id("cq-text"), Keys.ENTER);
            desk.waitUntil(d -> desk.has(By.xpath("//div[contains(@class,'cq-bubble') and text()='Thanks, I saw it']")));
            desk.type(By.id("conversation:text"), "You are welcome");
            desk.press(By.id("conversation:text"), Keys.ENTER);
            customer.waitUntil(d -> WidgetIT.shown(customer).contains("You are welcome"));

            // The customer calls; the agent takes the call and hangs up.
            customer.click(By.id("cq-video"));
            desk.waitUntil(d -> "ringing".equals(deskCall(desk).get("phase")));
            assertEquals("Calling…", customer.text(By.id("cq-call-text")));
            desk.click(By.id("conversation:acceptCall"));
            desk.waitUntil(d -> "connected".equals(deskCall(desk).get("connectionState")));
            customer.waitUntil(d -> "in-call".equals(callPhase(customer)));
            desk.click(By.id("conversation:hangUp"));
            customer.waitUntil(d -> "idle".equals(callPhase(customer)));
            assertFalse(customer.has(By.cssSelector("#cq-call:not([hidden])")), "the call's panel goes");

            // The queue now lets only the agent call: the widget's call is refused, said, and not offered again.
            settings("AGENT");
            customer.click(By.id("cq-video"));
            customer.waitUntil(d -> "Video calls are not available in this chat.".equals(
                    d.findElement(By.id("cq-call-text")).getText()));
            assertEquals("idle", callPhase(customer));
            assertEquals(Boolean.TRUE, customer.script("return document.getElementById('cq-video').hidden"),
                    "the video button is gone");
            customer.type(By.id("cq-text"), "No video then");
            customer.press(By.id("cq-text"), Keys.ENTER);
            desk.waitUntil(d -> desk.has(By.xpath("//div[contains(@class,'cq-bubble') and text()='No video then']")));
        }
    }

    private static String callPhase(Browser customer) {
        return String.valueOf(customer.script("return document.getElementById('cq-call').dataset.phase || 'idle'"));
    }

    private static Boolean remoteFrames(Browser browser, String videoId) {
        return ((Number) browser.script("return document.getElementById('" + videoId + "').videoWidth")).intValue() > 0
                ? Boolean.TRUE : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deskCall(Browser desk) {
        return (Map<String, Object>) desk.script("return CareQueueDesk.callState()");
    }

    private void settings(String video) {
        api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 10, false).withVideo(video, false)).expect(200);
    }
}
