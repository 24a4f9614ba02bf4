package org.carequeue.web.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client of {@code /api/ws/chat} (JDK WebSocket): frames in, frames out. */
public final class ChatSocket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatSocket(URI uri, String origin) {
        WebSocket.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects to the CareQueue at {@code api}'s base address. */
    public static ChatSocket connect(Api api) {
        return connect(api, null);
    }

    /**
     * Connects as a page of {@code origin} would (null: as a server, without an Origin); a refused
     * handshake throws (a {@code CompletionException} around the handshake failure).
     */
    public static ChatSocket connect(Api api, String origin) {
        URI http = api.base();
        return new ChatSocket(URI.create("ws://" + http.getAuthority() + http.getPath() + "api/ws/chat"), origin);
    }

    /** Connects and authenticates; returns the {@code ready} frame. */
    public static ChatSocket authenticated(Api api, String token) {
        return authenticated(api, token, null);
    }

    /** Connects as a page of {@code origin} would (null: without an Origin) and authenticates. */
    public static ChatSocket authenticated(Api api, String token, String origin) {
        ChatSocket socket = connect(api, origin);
        socket.send(Json.createObjectBuilder().add("type", "auth").add("token", token).build());
        JsonObject ready = socket.next();
        if (!"ready".equals(ready.getString("type"))) {
            throw new AssertionError("Expected ready, got " + ready);
        }
        socket.ready = ready;
        return socket;
    }

    private JsonObject ready;

    public JsonObject ready() {
        return ready;
    }

    /** Any text as a frame, JSON or not. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public void send(JsonObject frame) {
        socket.sendText(frame.toString(), true).join();
    }

    public void sendMessage(String clientMessageId, String text) {
        send(Json.createObjectBuilder().add("type", "send").add("clientMessageId", clientMessageId)
                .add("text", text).build());
    }

    public void sendMessage(String audienceId, String clientMessageId, String text) {
        send(Json.createObjectBuilder().add("type", "send").add("audienceId", audienceId)
                .add("clientMessageId", clientMessageId).add("text", text).build());
    }

    public void resume(long since) {
        send(Json.createObjectBuilder().add("type", "resume").add("since", since).build());
    }

    /** The next frame, waiting at most {@link #WAIT}. */
    public JsonObject next() {
        try {
            JsonObject frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("No frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame, which must be of this type. */
    public JsonObject next(String type) {
        JsonObject frame = next();
        if (!type.equals(frame.getString("type"))) {
            throw new AssertionError("Expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    /** The next frame of this type, passing over queue position updates on the way. */
    public JsonObject nextPastPositions(String type) {
        JsonObject frame = next();
        while ("queue".equals(frame.getString("type")) && !"queue".equals(type)) {
            frame = next();
        }
        if (!type.equals(frame.getString("type"))) {
            throw new AssertionError("Expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    /** The next frame of this type, passing over at most a few frames of other types. */
    public JsonObject until(String type) {
        for (int passed = 0; passed < 10; passed++) {
            JsonObject frame = next();
            if (type.equals(frame.getString("type"))) {
                return frame;
            }
        }
        throw new AssertionError("No " + type + " frame among the next 10");
    }

    /** Frames that arrive within {@code quiet}: used to prove nothing more comes. */
    public List<JsonObject> drain(Duration quiet) throws InterruptedException {
        List<JsonObject> rest = new ArrayList<>();
        JsonObject frame;
        while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            rest.add(frame);
        }
        return rest;
    }

    /** Waits for the server to close the socket; returns the close code. */
    public int awaitClose() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            // The server may have closed first; then there is nothing left to say.
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(error -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
