package org.carequeue.bench.echo;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The benchmarks' baseline: a bare Jakarta WebSocket endpoint that answers each text frame with
 * itself, deployed as its own WAR beside CareQueue on the same Payara Micro. It is no part of
 * CareQueue; it shows what the server and the client cost without any of our work.
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
