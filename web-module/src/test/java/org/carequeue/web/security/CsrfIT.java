package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.history.TranscriptReadingResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.organization.OrganizationSettingsResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Cross-site requests against a signed-in operator's browser session. The only Faces page whose GET
 * does something is the transcript (each reading is recorded in its audit trail): it is a protected
 * view, so it opens only with Faces' per-session token, which CareQueue's own links carry. The
 * desk's files, whose reading by an operator is recorded too, refuse what another site's page asks
 * for. Every state change is a POST, and a Faces POST is carried out only with the page's own ViewState.
 */
class CsrfIT extends AgainstBuiltWar {

    HttpServer otherSite;
    String linkTarget;
    String fileTarget;
    Api api;

    @BeforeEach
    void otherSite() throws IOException {
        api = api();
        // Another site (localhost is another site than 127.0.0.1) whose page loads and links the transcript.
        otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        otherSite.createContext("/page", exchange -> {
            byte[] page = ("<!DOCTYPE html><html><head><title>Another site</title></head><body>"
                    + "<img src='" + linkTarget + "' alt=''><img src='" + fileTarget + "' alt=''>"
                    + "<a id='lure' href='" + linkTarget + "'>Cute cats</a>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
    }

    @AfterEach
    void closeOtherSite() {
        otherSite.stop(0);
    }

    @Test
    void aTranscriptOpensOnlyThroughCareQueuesOwnLinksAndOnlyThoseRecordAReading() throws Exception {
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        Api.Agent operator = api.operator(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse carla = api.request(queue.id(), "Carla Csrf", "Where is my parcel?");
        String audience = "api/v1/audiences/" + carla.audienceId();
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        api.post(audience + "/messages", agent.token(), new PostMessageRequest("a-1", "It is on its way.")).expect(201);
        String fileId = upload(carla);
        api.post(audience + "/end", agent.token(), null).expect(200);
        linkTarget = api.base().resolve("admin/transcript.xhtml?audience=" + carla.audienceId()).toString();
        // The operator is no member of the queue: their read of its file is recorded too.
        fileTarget = api.base().resolve("desk/attachments/" + carla.audienceId() + "/" + fileId).toString();

        try (Browser admin = Browser.open(api)) {
            admin.go("admin/history.xhtml").signIn(operator.username(), Api.PASSWORD);
            admin.visible(By.cssSelector("a[data-audience='" + carla.audienceId() + "']"));

            admin.go("http://localhost:" + otherSite.getAddress().getPort() + "/page");
            admin.click(By.id("lure"));
            admin.visible(By.id("linkRefused"));
            assertFalse(admin.has(By.id("messages")), "nothing of the transcript shows");
            admin.screenshot("csrf-transcript-refused");
            // Typed in or bookmarked (no Referer) it is refused alike: the token is what opens it.
            admin.go("admin/transcript.xhtml?audience=" + carla.audienceId());
            admin.visible(By.id("linkRefused"));
            assertEquals(List.of(), readings(operator, audience), "no reading was recorded by a request from elsewhere");

            admin.go("admin/history.xhtml");
            admin.click(By.cssSelector("a[data-audience='" + carla.audienceId() + "']"));
            admin.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("It is on its way."));
            String ownLink = admin.url();
            assertTrue(ownLink.contains("jakarta.faces.Token="), ownLink);
            assertEquals(List.of("PAGE"), readings(operator, audience), "the operator's own reading is recorded");
            // The transcript's own file link (same origin) opens the file, and that read is recorded.
            assertEquals(200L, admin.asyncScript("fetch(arguments[0]).then(r => arguments[1](r.status));", fileTarget));
            assertEquals(List.of("ATTACHMENT", "PAGE"), readings(operator, audience));

            // The token belongs to the session: the same link in another session (the same
            // operator's other browser, or whoever learnt it) opens nothing.
            try (Browser other = Browser.open(api)) {
                other.go("admin/history.xhtml").signIn(operator.username(), Api.PASSWORD);
                other.go(ownLink);
                other.visible(By.id("linkRefused"));
            }
            assertEquals(List.of("ATTACHMENT", "PAGE"), readings(operator, audience));
        }
    }

    @Test
    void aFacesPostIsCarriedOutOnlyWithThePagesOwnViewState() throws Exception {
        Api.Organization organization = api.signUp();
        try (Browser owner = Browser.open(api)) {
            owner.go("admin/organization.xhtml").signIn(organization.ownerUsername(), Api.PASSWORD);
            owner.visible(By.id("settingsForm:save"));
            String viewState = (String) owner.script(
                    "return document.querySelector(\"input[name='jakarta.faces.ViewState']\").value;");
            String session = owner.sessionId();

            // What the settings form posts (the switch on, the Save button), as a form of another site would.
            Map<String, String> form = new LinkedHashMap<>();
            form.put("settingsForm", "settingsForm");
            form.put("settingsForm:requireTranscriptReason_input", "on");
            form.put("settingsForm:save", "settingsForm:save");

            HttpResponse<String> noViewState = post(session, form);
            assertFalse(reasonRequired(organization), "without a ViewState nothing changed (HTTP "
                    + noViewState.statusCode() + ")");
            form.put("jakarta.faces.ViewState", "-1234567890:9876543210");
            HttpResponse<String> forged = post(session, form);
            assertFalse(reasonRequired(organization), "with a made-up ViewState nothing changed (HTTP "
                    + forged.statusCode() + ")");

            // The same form with the page's own ViewState is carried out: the fields above are the real ones.
            form.put("jakarta.faces.ViewState", viewState);
            HttpResponse<String> own = post(session, form);
            assertEquals(200, own.statusCode());
            assertTrue(reasonRequired(organization), "the page's own ViewState makes the same post work");
        }
    }

    /** The customer sends a small PNG; its attachment id. */
    private String upload(CustomerRequestResponse customer) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        HttpResponse<String> sent = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(api.base().resolve(
                                "api/v1/audiences/" + customer.audienceId() + "/attachments?clientMessageId=f-1&name=parcel.png"))
                        .header("Authorization", "Bearer " + customer.customerToken())
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, sent.statusCode(), sent.body());
        return api.get("api/v1/audiences/" + customer.audienceId() + "/messages", customer.customerToken()).expect(200)
                .asList(MessageResponse.class).stream().map(MessageResponse::attachment).filter(file -> file != null)
                .findFirst().orElseThrow().id();
    }

    private List<String> readings(Api.Agent operator, String audience) {
        return api.get(audience + "/transcript/readings", operator.token()).expect(200)
                .asList(TranscriptReadingResponse.class).stream().map(TranscriptReadingResponse::channel).toList();
    }

    private boolean reasonRequired(Api.Organization organization) {
        return api.get("api/v1/organization/settings", organization.ownerToken()).expect(200)
                .as(OrganizationSettingsResponse.class).requireTranscriptReason();
    }

    private HttpResponse<String> post(String session, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve("admin/organization.xhtml"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
