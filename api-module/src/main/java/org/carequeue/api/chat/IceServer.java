package org.carequeue.api.chat;

import java.util.List;

/**
 * A STUN or TURN server for WebRTC calls, in the shape of the browser's {@code RTCIceServer}:
 * {@code urls} such as {@code stun:stun.example.org:3478}; TURN servers add {@code username} and
 * {@code credential}.
 */
public record IceServer(List<String> urls, String username, String credential) {
}
