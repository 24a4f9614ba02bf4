package org.carequeue.metadata;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secure metadata as a JWE in compact serialization (RFC 7516): {@code alg} {@code dir} (the
 * master key's secret is the content key), {@code enc} {@code A256GCM}, {@code kid} the master
 * key's id; the claims carry {@code exp} (required, at most a week ahead, as Ninchat demands) and
 * the metadata object under {@code ninchat.com/metadata}. Only these parameters are accepted: a
 * header naming anything else ({@code zip}, {@code crit}...) is refused rather than half-understood.
 */
public final class JweSecureMetadata {

    public static final String METADATA_CLAIM = "ninchat.com/metadata";
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    private static final Set<String> KNOWN_HEADER = Set.of("alg", "enc", "kid", "typ", "cty");
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private JweSecureMetadata() {
    }

    static VerifiedMetadata decode(String token, MasterKeySecrets secrets, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !parts[1].isEmpty()) {
            // dir: no encrypted key.
            throw new InvalidSecureMetadata();
        }
        JsonObject header = SecureMetadataDecoder.parseObject(base64url(parts[0]));
        if (!KNOWN_HEADER.containsAll(header.keySet()) || !"dir".equals(text(header, "alg"))
                || !"A256GCM".equals(text(header, "enc"))) {
            throw new InvalidSecureMetadata();
        }
        String keyId = text(header, "kid");
        byte[] iv = base64url(parts[2]);
        byte[] ciphertext = base64url(parts[3]);
        byte[] tag = base64url(parts[4]);
        if (iv.length != IV_BYTES || tag.length != TAG_BYTES) {
            throw new InvalidSecureMetadata();
        }
        byte[] secret = SecureMetadataDecoder.secretOf(keyId, secrets);
        JsonObject claims = SecureMetadataDecoder.parseObject(
                decrypt(secret, iv, parts[0].getBytes(StandardCharsets.US_ASCII), ciphertext, tag));
        long expires = SecureMetadataDecoder.seconds(claims, "exp");
        if (expires <= now.getEpochSecond() || expires > now.plus(MAX_LIFETIME).getEpochSecond()) {
            throw new InvalidSecureMetadata();
        }
        return new VerifiedMetadata(keyId, SecureMetadataDecoder.metadata(claims, METADATA_CLAIM),
                SecureMetadataDecoder.optionalString(claims, "sub"));
    }

    private static String text(JsonObject header, String name) {
        return header.get(name) instanceof JsonString string ? string.getString() : null;
    }

    private static byte[] base64url(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException notBase64url) {
            throw new InvalidSecureMetadata();
        }
    }

    /** AES-GCM with the protected header's ASCII as additional authenticated data (RFC 7516, 5.2). */
    private static byte[] decrypt(byte[] secret, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad);
            byte[] sealed = new byte[ciphertext.length + tag.length];
            System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
            System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new InvalidSecureMetadata();
        }
    }
}
