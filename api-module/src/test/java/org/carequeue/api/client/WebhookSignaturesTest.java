package org.carequeue.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The expected signatures were computed outside Java, with
 * {@code printf '%s' '<timestamp>.<body>' | openssl dgst -sha256 -hmac '<secret>'}.
 */
class WebhookSignaturesTest {

    private static final String SECRET = "whsec_test_c2VjcmV0";
    private static final long TIMESTAMP = 1767225600L;
    private static final byte[] BODY = "{\"type\":\"audience.requested\",\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1=5c33c8bb24d698b9178f8e2c94d0d3cd2e1008c3be4bbe569f5993ef0aa4daf5";
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP + 10);

    @Test
    void signsTimestampDotBodyWithTheSecretAsOpensslDoes() {
        assertEquals(SIGNATURE, WebhookSignatures.sign(SECRET, TIMESTAMP, BODY));
    }

    @Test
    void signsUtf8SecretsAndBodiesByTheirBytes() {
        byte[] body = "{\"text\":\"Hyvää päivää\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("v1=8d9e5000c786d34c2ad0e4ce8a98bf55b36f08af41dbb9b036db9b6f22a41c19",
                WebhookSignatures.sign("whsec_rotated_ä", TIMESTAMP, body));
    }

    @Test
    void acceptsAGenuineFreshDelivery() {
        assertTrue(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW));
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatchesDuringRotation() {
        String header = "v1=" + "0".repeat(64) + ", " + SIGNATURE;
        assertTrue(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), header, BODY, NOW));
    }

    @Test
    void refusesAChangedBodyAWrongSecretOrAnotherScheme() {
        byte[] changed = "{\"type\":\"audience.requested\",\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), SIGNATURE, changed, NOW));
        assertFalse(WebhookSignatures.isValid("whsec_other", Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW));
        assertFalse(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), SIGNATURE.replace("v1=", "v0="), BODY, NOW));
        assertFalse(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), SIGNATURE.toUpperCase(), BODY, NOW));
    }

    @Test
    void refusesATimestampOfAnotherMomentThanTheSigned() {
        assertFalse(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP + 1), SIGNATURE, BODY, NOW));
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayEitherWay() {
        String header = Long.toString(TIMESTAMP);
        assertTrue(WebhookSignatures.isValid(SECRET, header, SIGNATURE, BODY, Instant.ofEpochSecond(TIMESTAMP + 300)));
        assertFalse(WebhookSignatures.isValid(SECRET, header, SIGNATURE, BODY, Instant.ofEpochSecond(TIMESTAMP + 301)));
        assertTrue(WebhookSignatures.isValid(SECRET, header, SIGNATURE, BODY, Instant.ofEpochSecond(TIMESTAMP - 300)));
        assertFalse(WebhookSignatures.isValid(SECRET, header, SIGNATURE, BODY, Instant.ofEpochSecond(TIMESTAMP - 301)));
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertFalse(WebhookSignatures.isValid(SECRET, null, SIGNATURE, BODY, NOW));
        assertFalse(WebhookSignatures.isValid(SECRET, "yesterday", SIGNATURE, BODY, NOW));
        assertFalse(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), null, BODY, NOW));
        assertFalse(WebhookSignatures.isValid(SECRET, Long.toString(TIMESTAMP), "", BODY, NOW));
        assertFalse(WebhookSignatures.isValid("", Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW));
    }
}
