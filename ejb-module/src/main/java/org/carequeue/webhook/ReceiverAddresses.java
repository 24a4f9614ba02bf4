package org.carequeue.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhooks off the server's own network: an operator must not be able to make CareQueue
 * post to (and show the answers of) loopback, private, link-local or cloud metadata addresses.
 * Checked when a URL is subscribed and again before every request, since a name can point
 * elsewhere later. Tests and single-site set-ups that post to a local receiver switch it off.
 */
final class ReceiverAddresses {

    private ReceiverAddresses() {
    }

    /** Why the host may not receive webhooks, or empty when it may (or does not resolve now). */
    static Optional<String> refusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of(host + " is an internal address (" + address.getHostAddress()
                        + "); webhooks go to public hosts only");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedV4 = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }
}
