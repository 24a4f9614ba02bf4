package org.carequeue.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The expected value comes from {@code openssl dgst -sha256 -hmac whsec_test}, not from this code. */
    @Test
    void signatureIsV1AndTheLowercaseHexHmacOfTimestampDotBody() {
        assertEquals("v1=6a85cb117c993612a34c72b4cfb5a16baed25a80d26e298ce0e6671320fd07c8",
                WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"id\":\"e1\"}"));
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        String signed = WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"id\":\"e1\"}");
        assertNotEquals(signed, WebhookSignature.sign("whsec_test", 1_700_000_001L, "{\"id\":\"e1\"}"));
        assertNotEquals(signed, WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"id\":\"e2\"}"));
        assertNotEquals(signed, WebhookSignature.sign("whsec_other", 1_700_000_000L, "{\"id\":\"e1\"}"));
    }

    @Test
    void backoffDoublesFromTheBaseUpToAnHour() {
        WebhookSettings settings = new WebhookSettings();
        settings.backoffBaseSeconds = 30;
        assertEquals(Duration.ofSeconds(30), settings.backoffAfter(1));
        assertEquals(Duration.ofSeconds(60), settings.backoffAfter(2));
        assertEquals(Duration.ofSeconds(240), settings.backoffAfter(4));
        assertEquals(Duration.ofHours(1), settings.backoffAfter(8));
        assertEquals(Duration.ofHours(1), settings.backoffAfter(500));
    }
}
