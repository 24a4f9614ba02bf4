package org.carequeue.web.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Faces forms posted as a browser posts them, for tests that talk HTTP to the pages without a browser. */
public final class FacesForms {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private FacesForms() {
    }

    /** The view state of a page's form, which every post of that form must carry back. */
    public static String viewState(String page) {
        Matcher state = VIEW_STATE.matcher(page);
        assertTrue(state.find(), "the page's view state");
        return state.group(1);
    }

    /** The post of a form's fields (in their order), to the page at {@code path} of {@code base}. */
    public static HttpRequest.Builder post(URI base, String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** The sign-in form's post (not Ajax) with the password of every test account, from the sign-in page's HTML. */
    public static HttpRequest signIn(URI base, String signInPage, String username) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:username", username);
        fields.put("signin:password", Api.PASSWORD);
        fields.put("signin:submit", "");
        fields.put("jakarta.faces.ViewState", viewState(signInPage));
        return post(base, "signin.xhtml", fields).build();
    }
}
