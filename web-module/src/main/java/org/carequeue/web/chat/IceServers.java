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
import java.util.List;
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
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    @Inject
    @ConfigProperty(name = "carequeue.ice-servers", defaultValue = "[]")
    String configured;

    private volatile List<IceServer> servers;

    public List<IceServer> all() {
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
        return ChatSessions.JSON.toJson(all());
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
