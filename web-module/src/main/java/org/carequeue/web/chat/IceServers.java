package org.carequeue.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.api.chat.IceServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The STUN/TURN servers that video calls use, given to clients in the chat socket's {@code ready}
 * frame and to the desk page: {@code CAREQUEUE_ICE_SERVERS}, a JSON array of the browser's
 * {@code RTCIceServer} ({@code [{"urls":"stun:stun.example.org:3478"},{"urls":["turn:..."],
 * "username":"u","credential":"p"}]}). None by default: peers that reach each other directly (a
 * LAN, loopback) need none. A value that cannot be read is logged and none are used, so a typo
 * there does not take the chat down.
 *
 * <p>Every client gets the list, so TURN servers should not carry fixed credentials: with
 * {@code CAREQUEUE_TURN_SECRET} (the TURN server's shared secret, coturn's
 * {@code static-auth-secret}) a TURN server listed without {@code username} gets credentials made
 * for each client that expire after {@code CAREQUEUE_TURN_CREDENTIAL_SECONDS} (the "TURN REST API"
 * scheme: username {@code <expiry unix seconds>:carequeue}, credential
 * {@code base64(HMAC-SHA1(secret, username))}).
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    @Inject
    @ConfigProperty(name = "carequeue.ice-servers", defaultValue = "[]")
    String configured;

    @Inject
    @ConfigProperty(name = "carequeue.turn-secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "carequeue.turn-credential-seconds", defaultValue = "3600")
    long turnCredentialSeconds;

    private volatile List<IceServer> servers;

    /** The servers for one client, TURN credentials made for it now when a shared secret is set. */
    public List<IceServer> forClient() {
        String secret = turnSecret.filter(value -> !value.isBlank()).orElse(null);
        if (secret == null) {
            return configured();
        }
        long expires = Instant.now().getEpochSecond() + turnCredentialSeconds;
        return configured().stream().map(server -> withCredentials(server, secret, expires)).toList();
    }

    /** A TURN server listed without a username gets short-lived credentials; others stay as listed. */
    static IceServer withCredentials(IceServer server, String secret, long expiresEpochSecond) {
        boolean turn = server.urls().stream().anyMatch(url -> url.startsWith("turn:") || url.startsWith("turns:"));
        if (!turn || server.username() != null) {
            return server;
        }
        String username = expiresEpochSecond + ":carequeue";
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String credential = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new IceServer(server.urls(), username, credential);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private List<IceServer> configured() {
        if (servers == null) {
            try {
                servers = parse(configured);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.SEVERE, "CAREQUEUE_ICE_SERVERS is not usable, video calls go without STUN/TURN: "
                        + e.getMessage());
                servers = List.of();
            }
        }
        return servers;
    }

    /** The browser's {@code RTCIceServer[]} as JSON, for the desk page. */
    public String json() {
        return ChatSessions.JSON.toJson(forClient());
    }

    static List<IceServer> parse(String json) {
        JsonArray array;
        try {
            array = Json.createReader(new StringReader(json == null || json.isBlank() ? "[]" : json)).readArray();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON array of ICE servers");
        }
        return array.stream().map(IceServers::server).toList();
    }

    private static IceServer server(JsonValue value) {
        if (!(value instanceof JsonObject server) || !server.containsKey("urls")) {
            throw new IllegalArgumentException("every ICE server is an object with urls");
        }
        JsonValue urls = server.get("urls");
        List<String> list;
        if (urls instanceof JsonString one) {
            list = List.of(one.getString());
        } else if (urls instanceof JsonArray many && !many.isEmpty()
                && many.stream().allMatch(JsonString.class::isInstance)) {
            list = many.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        } else {
            throw new IllegalArgumentException("urls is a URL or a non-empty array of URLs");
        }
        if (!list.stream().allMatch(url -> url.matches("(stun|stuns|turn|turns):\\S+"))) {
            throw new IllegalArgumentException("ICE server URLs start with stun:, stuns:, turn: or turns:");
        }
        return new IceServer(list, text(server, "username"), text(server, "credential"));
    }

    private static String text(JsonObject server, String name) {
        JsonValue value = server.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException(name + " is a string");
        }
        return string.getString();
    }
}
