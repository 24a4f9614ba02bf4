package org.carequeue.metadata;

import java.util.Locale;

/**
 * How much of the metadata a customer's browser sends a queue keeps. The IP address never comes
 * from the browser: the server takes it from the connection, and only under {@link #ALL}.
 */
public enum MetadataCollection {
    /** Browser metadata and the customer's IP address. */
    ALL,
    /** Browser metadata without the IP address: the default, as an IP address identifies a person. */
    NO_IP,
    /** Nothing: neither the request's metadata nor live updates are stored. */
    NONE;

    /** The metadata key the server fills from the connection; a browser cannot set it. */
    public static final String IP_KEY = "ip";

    /**
     * Whether a browser's key would pass for the server's IP address on the desk ({@code IP},
     * {@code ip }, {@code IP address}, {@code ip_address}...): such keys are dropped.
     */
    public static boolean looksLikeIp(String key) {
        String letters = key == null ? "" : key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.equals("ip") || letters.equals("ipaddress");
    }

    public boolean keepsMetadata() {
        return this != NONE;
    }

    public boolean keepsIp() {
        return this == ALL;
    }
}
