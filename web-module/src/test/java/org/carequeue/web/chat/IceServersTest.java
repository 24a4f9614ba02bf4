package org.carequeue.web.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    @Test
    void turnServersWithoutUsernameGetShortLivedCredentialsFromTheSharedSecret() throws Exception {
        IceServer turn = new IceServer(List.of("turn:turn.example.org:3478"), null, null);
        IceServer made = IceServers.withCredentials(turn, "shared-secret", 1_900_000_000L);
        assertEquals("1900000000:carequeue", made.username());
        // The same HMAC a TURN server computes from its static-auth-secret, by independent code.
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("shared-secret".getBytes(UTF_8), "HmacSHA1"));
        assertEquals(Base64.getEncoder().encodeToString(mac.doFinal("1900000000:carequeue".getBytes(UTF_8))),
                made.credential());

        IceServer stun = new IceServer(List.of("stun:stun.example.org:3478"), null, null);
        assertEquals(stun, IceServers.withCredentials(stun, "shared-secret", 1_900_000_000L), "STUN needs none");
        IceServer fixed = new IceServer(List.of("turn:turn.example.org:3478"), "u", "p");
        assertEquals(fixed, IceServers.withCredentials(fixed, "shared-secret", 1_900_000_000L), "listed ones stay");
    }
}
