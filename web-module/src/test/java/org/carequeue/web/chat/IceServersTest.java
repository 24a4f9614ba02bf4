package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.carequeue.api.chat.IceServer;
import org.junit.jupiter.api.Test;

class IceServersTest {

    @Test
    void noneByDefault() {
        assertEquals(List.of(), IceServers.parse("[]"));
        assertEquals(List.of(), IceServers.parse(" "));
    }

    @Test
    void readsTheBrowsersIceServerShapeWithOneUrlOrSeveral() {
        List<IceServer> servers = IceServers.parse("[{\"urls\":\"stun:stun.example.org:3478\"},"
                + "{\"urls\":[\"turn:turn.example.org:3478?transport=udp\",\"turns:turn.example.org:5349\"],"
                + "\"username\":\"carequeue\",\"credential\":\"secret\"}]");
        assertEquals(List.of(new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                new IceServer(List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"),
                        "carequeue", "secret")), servers);
    }

    @Test
    void refusesWhatABrowserCouldNotUse() {
        for (String bad : List.of("{\"urls\":\"stun:x\"}", "[\"stun:x\"]", "[{}]", "[{\"urls\":[]}]",
                "[{\"urls\":\"http://x\"}]", "[{\"urls\":\"stun:x\",\"username\":1}]", "not json")) {
            assertThrows(IllegalArgumentException.class, () -> IceServers.parse(bad), bad);
        }
    }
}
