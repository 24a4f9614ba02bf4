package org.carequeue.metadata;

import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ninchat's own secure-metadata format: {@code keyId.base64url(IV || AES-256-CBC(plaintext))},
 * or the older {@code keyId-base64(...)} with standard base64, where plaintext is
 * {@code SHA-512(json) || json || zero padding} (no PKCS#7: the padding is zero bytes up to the
 * block size, so they are stripped after the JSON) and json is
 * {@code {"expire": unix seconds, "metadata": {...}, "user_id"?: "..."}}.
 */
public final class NinchatSecureMetadata {

    private static final int BLOCK = 16;
    private static final int DIGEST = 64;

    private NinchatSecureMetadata() {
    }

    /**
     * @param urlSafe whether the payload is base64url (current format) or standard base64 (older)
     */
    static VerifiedMetadata decode(String keyId, String payload, boolean urlSafe, MasterKeySecrets secrets,
                                   Instant now) {
        byte[] sealed = base64(payload, urlSafe);
        if (sealed.length < BLOCK + 5 * BLOCK || sealed.length % BLOCK != 0) {
            // IV plus at least the digest and a block of JSON.
            throw new InvalidSecureMetadata();
        }
        byte[] secret = SecureMetadataDecoder.secretOf(keyId, secrets);
        byte[] plain = decrypt(secret, Arrays.copyOfRange(sealed, 0, BLOCK), Arrays.copyOfRange(sealed, BLOCK, sealed.length));
        int end = plain.length;
        while (end > DIGEST && plain[end - 1] == 0) {
            end--;
        }
        byte[] json = Arrays.copyOfRange(plain, DIGEST, end);
        if (json.length == 0 || !MessageDigest.isEqual(Arrays.copyOfRange(plain, 0, DIGEST), sha512(json))) {
            throw new InvalidSecureMetadata();
        }
        JsonObject claims = SecureMetadataDecoder.parseObject(json);
        if (SecureMetadataDecoder.seconds(claims, "expire") <= now.getEpochSecond()) {
            throw new InvalidSecureMetadata();
        }
        return new VerifiedMetadata(keyId, SecureMetadataDecoder.metadata(claims, "metadata"),
                SecureMetadataDecoder.optionalString(claims, "user_id"));
    }

    private static byte[] base64(String payload, boolean urlSafe) {
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(payload);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidSecureMetadata();
        }
    }

    private static byte[] decrypt(byte[] secret, byte[] iv, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new InvalidSecureMetadata();
        }
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }
}
