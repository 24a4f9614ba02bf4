package minimal;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

@ServerEndpoint("/socket")
public class Echo {
    @OnMessage
    public String echo(String text) {
        return text;
    }
}
