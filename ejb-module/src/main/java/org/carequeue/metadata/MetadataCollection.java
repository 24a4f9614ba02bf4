package org.carequeue.metadata;

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

    public boolean keepsMetadata() {
        return this != NONE;
    }

    public boolean keepsIp() {
        return this == ALL;
    }
}
