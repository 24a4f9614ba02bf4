package org.carequeue.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carequeue.api.webhook.WebhookHeaders;

/**
 * The signature header's value: {@code v1=} and the lowercase hex HMAC-SHA256, keyed with the
 * secret's UTF-8 bytes, of {@code timestamp + "." + body}. Signing the timestamp with the body lets
 * receivers refuse replays of old deliveries.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return WebhookHeaders.SIGNATURE_VERSION + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
