package org.carequeue.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The customer's IP address as the server sees it: the connection's remote address, or, when
 * that is a proxy configured as trusted ({@code CAREQUEUE_TRUSTED_PROXIES}: addresses or CIDR
 * ranges, comma-separated), the nearest address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. Without trusted proxies the header is ignored: anyone can write it.
 */
@ApplicationScoped
public class ClientAddresses {

    private List<Range> trusted = List.of();

    @Inject
    void configure(@ConfigProperty(name = "carequeue.trusted-proxies") Optional<String> trustedProxies) {
        try {
            trusted = Range.parseAll(trustedProxies.orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("carequeue.trusted-proxies: " + e.getMessage(), e);
        }
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    /**
     * Whether the browser reached us over TLS: the connection itself, or a trusted proxy that
     * terminated TLS and says so in {@code X-Forwarded-Proto} (anyone else could write the header).
     */
    public boolean overTls(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && "https".equalsIgnoreCase(proto.split(",")[0].strip())
                && isTrusted(request.getRemoteAddr(), trusted);
    }

    /** Walks the forwarding chain from the nearest hop while the hop is a trusted proxy. */
    static String resolve(String remoteAddress, String forwardedFor, List<Range> trusted) {
        String client = remoteAddress;
        if (forwardedFor == null || trusted.isEmpty()) {
            return client;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client, trusted); i--) {
            if (Range.address(hops.get(i)) == null) {
                // A malformed hop: what lies beyond it cannot be trusted either.
                break;
            }
            client = hops.get(i);
        }
        return client;
    }

    private static boolean isTrusted(String address, List<Range> trusted) {
        return Range.anyContains(trusted, address);
    }

    /** An address or CIDR range, as in {@code CAREQUEUE_TRUSTED_PROXIES}. */
    public record Range(byte[] network, int prefixBits) {

        /** Whether the literal address lies in one of the ranges; a malformed address never does. */
        public static boolean anyContains(List<Range> ranges, String address) {
            byte[] bytes = address(address);
            return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
        }

        /** Comma-separated addresses and CIDR ranges; a malformed one fails the start (named in the message). */
        public static List<Range> parseAll(String configured) {
            return Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Range::parse).toList();
        }

        static Range parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = address(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or range: " + text);
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** A literal IPv4 or IPv6 address (never a host name: no DNS lookup), or null. */
        static byte[] address(String text) {
            boolean ipv6 = text != null && text.indexOf(':') >= 0
                    && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
            boolean ipv4 = text != null && text.chars().filter(c -> c == '.').count() == 3
                    && text.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
            if (!ipv6 && !ipv4) {
                return null;
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }
    }
}
