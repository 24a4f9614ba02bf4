package org.carequeue.web.chat;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import org.carequeue.api.chat.ClientFrame;
import org.carequeue.platform.InvalidInput;
import org.carequeue.web.rest.RequestBodies;

/**
 * Reads what a client sends on the chat socket and the desk's signal socket. Anything a client can
 * send ends as a frame with a type or as {@link InvalidInput} (an {@code error} frame
 * {@code validation_failed}), never as another exception, which would close the socket and log a
 * failure of ours; {@code ClientFramesFuzzTest} holds it to that.
 */
final class ClientFrames {

    private ClientFrames() {
    }

    static ClientFrame parse(String text) {
        ClientFrame frame;
        try {
            // Whole JSON first: JSON-B would loop for ever on a frame cut off inside an unknown field (RequestBodies).
            RequestBodies.requireWholeJson(text.getBytes(StandardCharsets.UTF_8));
            frame = ChatSessions.JSON.fromJson(text, ClientFrame.class);
        } catch (JsonbException | RequestBodies.Unreadable e) {
            throw new InvalidInput("Frames are JSON objects");
        }
        if (frame == null || frame.type() == null) {
            throw new InvalidInput("type", "A frame needs a type");
        }
        return frame;
    }

    /** Checks a typing or rtc frame before anything is read, so a malformed one costs no database query. */
    static void validateSignal(ClientFrame frame) {
        switch (frame.type()) {
            case ClientFrame.TYPING -> {
                if (frame.on() == null) {
                    throw new InvalidInput("on", "A typing frame says on: true or false");
                }
            }
            case ClientFrame.RTC -> validateRtc(frame);
            default -> throw new InvalidInput("type", "Unknown frame type " + frame.type());
        }
    }

    private static void validateRtc(ClientFrame frame) {
        if (frame.signal() == null || !LiveSignals.SIGNALS.contains(frame.signal())) {
            throw new InvalidInput("signal", "signal is one of call, pick-up, busy, offer, answer, ice-candidate, hang-up");
        }
        switch (frame.signal()) {
            case "offer", "answer" -> InvalidInput.requireText("sdp", frame.sdp(), LiveSignals.MAX_SDP_CHARS);
            case "ice-candidate" -> {
                // An empty candidate is the browser's "no more candidates".
                if (frame.candidate() == null) {
                    throw new InvalidInput("candidate", "candidate is required");
                }
                InvalidInput.optionalText("candidate", frame.candidate(), LiveSignals.MAX_CANDIDATE_CHARS);
                InvalidInput.optionalText("sdpMid", frame.sdpMid(), LiveSignals.MAX_SDP_MID_CHARS);
                if (frame.sdpMLineIndex() != null
                        && (frame.sdpMLineIndex() < 0 || frame.sdpMLineIndex() > LiveSignals.MAX_SDP_M_LINE_INDEX)) {
                    throw new InvalidInput("sdpMLineIndex", "sdpMLineIndex is between 0 and "
                            + LiveSignals.MAX_SDP_M_LINE_INDEX);
                }
            }
            default -> {
                // call, pick-up, busy, hang-up carry nothing but the audience.
            }
        }
    }
}
