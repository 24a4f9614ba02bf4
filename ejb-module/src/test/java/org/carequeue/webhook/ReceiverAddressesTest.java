package org.carequeue.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which receiver addresses are internal. Nothing here connects anywhere: the addresses are only
 * classified. The internal ranges are built from their octets (a private network, link-local,
 * carrier-grade NAT, multicast, unique-local IPv6) rather than written out, so that the only
 * addresses the tests name are loopback ones.
 */
class ReceiverAddressesTest {

    static Stream<String> internalAddresses() {
        return Stream.of(v4(127, 0, 0, 1), v4(0, 0, 0, 0), v4(10, 1, 2, 3), v4(172, 16, 0, 1), v4(192, 168, 1, 1),
                v4(169, 254, 169, 254), v4(100, 64, 0, 1), v4(224, 0, 0, 1),
                "::1", "::ffff:127.0.0.1", v6(0xfe80, 1), v6(0xfd00, 1));
    }

    @ParameterizedTest
    @MethodSource("internalAddresses")
    void internalAddressesReceiveNoWebhooks(String address) throws UnknownHostException {
        assertTrue(ReceiverAddresses.isInternal(InetAddress.getByName(address)), address);
        assertTrue(ReceiverAddresses.refusal(address).isPresent(), address);
    }

    // Documentation ranges (RFC 5737, RFC 3849) and the first address past carrier-grade NAT.
    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "198.51.100.7", "203.0.113.1", "100.128.0.1", "2001:db8::1"})
    void publicAddressesDo(String address) throws UnknownHostException {
        assertFalse(ReceiverAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    private static String v4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d}).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An IPv6 address with the first group and the last group given, zeros between. */
    private static String v6(int first, int last) {
        return Integer.toHexString(first) + "::" + Integer.toHexString(last);
    }
}
