package org.carequeue.api.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhook deliveries. CareQueue sends each delivery with
 * <ul>
 *   <li>{@code CareQueue-Webhook-Id}: the delivery's id, the same on every retry (for de-duplication),</li>
 *   <li>{@code CareQueue-Webhook-Timestamp}: when it was signed, in Unix seconds,</li>
 *   <li>{@code CareQueue-Webhook-Signature}: {@code v1=<hex>}, the lowercase hex HMAC-SHA256 of
 *   {@code timestamp + "." + rawBody} keyed with the subscription's secret (its UTF-8 bytes, the whole
 *   {@code whsec_...} string). While a secret is being rotated there may be several comma-separated
 *   {@code v1=} values; one that matches is enough.</li>
 * </ul>
 * A receiver verifies the raw body bytes as received (before any JSON parsing) and refuses
 * timestamps more than {@link #TOLERANCE} away from its clock, so a captured delivery cannot be
 * replayed later.
 */
public final class WebhookSignatures {

    public static final String ID_HEADER = "CareQueue-Webhook-Id";
    public static final String TIMESTAMP_HEADER = "CareQueue-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "CareQueue-Webhook-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignatures() {
    }

    /** The signature header's value for this body: {@code v1=<lowercase hex>}. */
    public static String sign(String secret, long timestampSeconds, byte[] rawBody) {
        return VERSION + HexFormat.of().formatHex(hmac(secret, timestampSeconds, rawBody));
    }

    /**
     * Whether a delivery is genuine and fresh: the timestamp header is within {@link #TOLERANCE} of
     * {@code now} and one of the signature header's {@code v1=} values is the body's HMAC. Missing
     * or malformed headers are not genuine.
     */
    public static boolean isValid(String secret, String timestampHeader, String signatureHeader, byte[] rawBody,
                                  Instant now) {
        if (secret == null || secret.isEmpty() || timestampHeader == null || signatureHeader == null
                || rawBody == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, timestamp, rawBody)).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatureHeader.split(",")) {
            String value = candidate.strip();
            if (value.startsWith(VERSION)) {
                // Every candidate is compared in constant time, and all of them are: the time taken
                // tells nothing about which one (or how much of one) matched.
                matched |= MessageDigest.isEqual(expected,
                        value.substring(VERSION.length()).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return matched;
    }

    /** {@link #isValid(String, String, String, byte[], Instant)} against the system clock. */
    public static boolean isValid(String secret, String timestampHeader, String signatureHeader, byte[] rawBody) {
        return isValid(secret, timestampHeader, signatureHeader, rawBody, Instant.now());
    }

    private static byte[] hmac(String secret, long timestampSeconds, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
