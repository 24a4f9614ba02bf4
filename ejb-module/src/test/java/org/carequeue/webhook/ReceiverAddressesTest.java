package org.carequeue.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiverAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"})
    void internalAddressesReceiveNoWebhooks(String address) throws UnknownHostException {
        assertTrue(ReceiverAddresses.isInternal(InetAddress.getByName(address)), address);
        assertTrue(ReceiverAddresses.refusal(address).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "198.51.100.7", "203.0.113.1", "100.128.0.1", "2001:db8::1"})
    void publicAddressesDo(String address) throws UnknownHostException {
        assertFalse(ReceiverAddresses.isInternal(InetAddress.getByName(address)), address);
    }
}
