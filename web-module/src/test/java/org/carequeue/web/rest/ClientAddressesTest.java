package org.carequeue.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    static final List<ClientAddresses.Range> PROXIES = ClientAddresses.Range.parseAll("198.18.0.0/15, 192.0.2.7, ::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddresses.resolve("203.0.113.9", "198.51.100.1", List.of()));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("203.0.113.9", ClientAddresses.resolve("203.0.113.9", "198.51.100.1", PROXIES));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("198.51.100.1", ClientAddresses.resolve("198.18.2.3", "198.51.100.1", PROXIES));
        assertEquals("198.51.100.1", ClientAddresses.resolve("0:0:0:0:0:0:0:1", "198.51.100.1", PROXIES));
    }

    @Test
    void theChainIsWalkedOnlyThroughTrustedProxies() {
        // The client wrote a fake first hop; the proxies appended the real one and themselves.
        assertEquals("198.51.100.1",
                ClientAddresses.resolve("192.0.2.7", "6.6.6.6, 198.51.100.1, 198.18.9.9", PROXIES));
        // Every hop trusted: the farthest one is the client.
        assertEquals("198.18.0.1", ClientAddresses.resolve("198.18.0.2", "198.18.0.1", PROXIES));
    }

    @Test
    void aMalformedHopStopsTheWalk() {
        assertEquals("198.18.2.3", ClientAddresses.resolve("198.18.2.3", "evil.example, not-an-ip", PROXIES));
        assertEquals("198.18.2.3", ClientAddresses.resolve("198.18.2.3", "", PROXIES));
    }

    @Test
    void aBadConfigurationFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.Range.parseAll("proxy.example"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.Range.parseAll("198.18.0.0/33"));
    }
}
