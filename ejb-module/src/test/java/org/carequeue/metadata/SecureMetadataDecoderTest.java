package org.carequeue.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Tokens are built here the way a partner's server builds them, with plain javax.crypto for
 * Ninchat's formats and with a JOSE library for JWE, never with the decoder's own code.
 */
class SecureMetadataDecoderTest {

    static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();
    static final String KEY_ID = "k1abcdefghij";
    final byte[] secret = randomBytes(32);
    final MasterKeySecrets secrets = id -> KEY_ID.equals(id) ? Optional.of(secret) : Optional.empty();

    // --- Ninchat's formats ---

    @Test
    void theCurrentNinchatFormatIsDecrypted() {
        String json = "{\"expire\":" + (NOW.getEpochSecond() + 600)
                + ",\"metadata\":{\"customerId\":\"C-42\",\"cart\":{\"items\":2},\"vip\":true},\"user_id\":\"u-7\"}";

        VerifiedMetadata verified = SecureMetadataDecoder.decode(ninchat(KEY_ID, json, secret, true), secrets, NOW);

        assertEquals(KEY_ID, verified.keyId());
        assertEquals(Map.of("customerId", "C-42", "cart", "{\"items\":2}", "vip", "true"), verified.metadata());
        assertEquals("u-7", verified.userId());
    }

    @Test
    void theOlderNinchatFormatWithStandardBase64IsDecrypted() {
        // Enough bytes that standard base64 is sure to hold '+' or '/' somewhere is not needed: the dash decides.
        String json = "{\"expire\":" + (NOW.getEpochSecond() + 600) + ",\"metadata\":{\"name\":\"Ann Example\"}}";

        VerifiedMetadata verified = SecureMetadataDecoder.decode(ninchat(KEY_ID, json, secret, false), secrets, NOW);

        assertEquals(Map.of("name", "Ann Example"), verified.metadata());
        assertNull(verified.userId());
    }

    @Test
    void jsonThatFillsWholeBlocksNeedsNoPadding() {
        // 64-byte digest + json of a length that is a multiple of 16: no zero bytes at all.
        String json = pad("{\"expire\":" + (NOW.getEpochSecond() + 600) + ",\"metadata\":{\"a\":\"", "\"}}", 16);

        VerifiedMetadata verified = SecureMetadataDecoder.decode(ninchat(KEY_ID, json, secret, true), secrets, NOW);

        assertEquals(1, verified.metadata().size());
    }

    @Test
    void anExpiredNinchatTokenIsRefused() {
        String json = "{\"expire\":" + (NOW.getEpochSecond() - 1) + ",\"metadata\":{\"a\":\"b\"}}";
        refused(ninchat(KEY_ID, json, secret, true));
        String now = "{\"expire\":" + NOW.getEpochSecond() + ",\"metadata\":{\"a\":\"b\"}}";
        refused(ninchat(KEY_ID, now, secret, true));
    }

    @Test
    void aNinchatTokenWithoutExpireOrMetadataIsRefused() {
        refused(ninchat(KEY_ID, "{\"metadata\":{\"a\":\"b\"}}", secret, true));
        refused(ninchat(KEY_ID, "{\"expire\":\"" + (NOW.getEpochSecond() + 60) + "\",\"metadata\":{\"a\":\"b\"}}", secret, true));
        refused(ninchat(KEY_ID, "{\"expire\":" + (NOW.getEpochSecond() + 60) + "}", secret, true));
        refused(ninchat(KEY_ID, "{\"expire\":" + (NOW.getEpochSecond() + 60) + ",\"metadata\":\"text\"}", secret, true));
        refused(ninchat(KEY_ID, "[1,2,3]", secret, true));
    }

    @Test
    void aNinchatTokenMadeWithAnotherKeyIsRefused() {
        refused(ninchat(KEY_ID, valid(), randomBytes(32), true));
        refused(ninchat(KEY_ID, valid(), randomBytes(32), false));
    }

    @Test
    void anUnknownOrRevokedKeyIdIsRefused() {
        refused(ninchat("unknownkey", valid(), secret, true));
        MasterKeySecrets revoked = id -> Optional.empty();
        assertThrows(InvalidSecureMetadata.class,
                () -> SecureMetadataDecoder.decode(ninchat(KEY_ID, valid(), secret, true), revoked, NOW));
    }

    @Test
    void aDigestThatDoesNotMatchIsRefused() {
        byte[] json = valid().getBytes(StandardCharsets.UTF_8);
        byte[] digest = sha512(json);
        digest[0] ^= 1;
        refused(KEY_ID + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(seal(concat(digest, json), secret)));
        // The JSON changed after the digest was taken.
        byte[] other = valid().replace("\"b\"", "\"c\"").getBytes(StandardCharsets.UTF_8);
        refused(KEY_ID + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                seal(concat(sha512(json), other), secret)));
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        String token = ninchat(KEY_ID, valid(), secret, true);
        byte[] sealed = Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
        sealed[sealed.length - 20] ^= 0x40;
        refused(KEY_ID + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
    }

    @Test
    void truncatedTokensAreRefused() {
        String token = ninchat(KEY_ID, valid(), secret, true);
        byte[] sealed = Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
        for (int length : new int[]{0, 15, 16, 17, 80, sealed.length - 16, sealed.length - 1}) {
            refused(KEY_ID + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(sealed, length)));
        }
        refused(token.substring(0, token.length() - 3));
        refused(KEY_ID + ".");
        refused("." + token.substring(token.indexOf('.') + 1));
    }

    @Test
    void badBase64IsRefused() {
        String token = ninchat(KEY_ID, valid(), secret, true);
        refused(token.substring(0, 20) + "*" + token.substring(21));
        // Standard base64 where the current format wants base64url, and the other way round.
        String older = ninchat(KEY_ID, valid() + "  ", secret, false);
        String payload = older.substring(older.indexOf('-') + 1);
        if (payload.contains("+") || payload.contains("/")) {
            refused(KEY_ID + "." + payload);
        }
        refused(KEY_ID + "-" + payload.replace('+', '-').replace('/', '_') + "_-");
        refused("no separator at all");
        refused("");
        refused(null);
        refused("a.b.c");
        refused(KEY_ID + "." + "A".repeat(SecureMetadataDecoder.MAX_TOKEN_LENGTH));
    }

    @Test
    void overlargeMetadataIsRefused() {
        StringBuilder many = new StringBuilder("{\"expire\":" + (NOW.getEpochSecond() + 60) + ",\"metadata\":{");
        for (int i = 0; i <= SecureMetadataDecoder.MAX_ENTRIES; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        refused(ninchat(KEY_ID, many.append("}}").toString(), secret, true));
        refused(ninchat(KEY_ID, "{\"expire\":" + (NOW.getEpochSecond() + 60) + ",\"metadata\":{\"a\":\""
                + "x".repeat(SecureMetadataDecoder.MAX_VALUE_LENGTH + 1) + "\"}}", secret, true));
    }

    @Test
    void everyFailureGivesTheSameAnswer() {
        for (String token : new String[]{"", "x-y", ninchat("unknownkey", valid(), secret, true),
                ninchat(KEY_ID, valid(), randomBytes(32), true), jwe(KEY_ID, "A128GCM", NOW.plusSeconds(60), Arrays.copyOf(secret, 16))}) {
            InvalidSecureMetadata refused = assertThrows(InvalidSecureMetadata.class,
                    () -> SecureMetadataDecoder.decode(token, secrets, NOW));
            assertEquals(InvalidSecureMetadata.DETAIL, refused.getMessage());
            assertEquals("invalid_secure_metadata", refused.code().code());
            assertNull(refused.getCause());
        }
    }

    // --- JWE ---

    @Test
    void aJweIsDecrypted() {
        String token = jwe(KEY_ID, "A256GCM", NOW.plusSeconds(3600), secret);

        VerifiedMetadata verified = SecureMetadataDecoder.decode(token, secrets, NOW);

        assertEquals(KEY_ID, verified.keyId());
        assertEquals(Map.of("customerId", "C-42", "tier", "gold"), verified.metadata());
        assertEquals("user-99", verified.userId());
    }

    @Test
    void aJweExpiringAtMostAWeekAheadIsAccepted() {
        String token = jwe(KEY_ID, "A256GCM", NOW.plus(JweSecureMetadata.MAX_LIFETIME), secret);
        assertEquals(2, SecureMetadataDecoder.decode(token, secrets, NOW).metadata().size());
    }

    @Test
    void aJweExpiringMoreThanAWeekAheadIsRefused() {
        refused(jwe(KEY_ID, "A256GCM", NOW.plus(JweSecureMetadata.MAX_LIFETIME).plusSeconds(1), secret));
    }

    @Test
    void anExpiredJweIsRefused() {
        refused(jwe(KEY_ID, "A256GCM", NOW.minusSeconds(1), secret));
    }

    @Test
    void aJweWithoutExpIsRefused() {
        refused(jwe(KEY_ID, "A256GCM", null, secret));
    }

    @Test
    void aJweWithoutTheMetadataClaimIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().expirationTime(Date.from(NOW.plusSeconds(60)))
                .claim("metadata", Map.of("a", "b")).build();
        refused(encrypt(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(KEY_ID).build(),
                claims, secret));
    }

    @Test
    void aJweWithAnotherEncryptionIsRefused() {
        refused(jwe(KEY_ID, "A128GCM", NOW.plusSeconds(60), Arrays.copyOf(secret, 16)));
        refused(jwe(KEY_ID, "A256CBC-HS512", NOW.plusSeconds(60), concat(secret, secret)));
        // The very key the decoder holds, with another content encryption.
        refused(jwe(KEY_ID, "A128CBC-HS256", NOW.plusSeconds(60), secret));
    }

    @Test
    void aJweWithAnotherAlgorithmIsRefused() {
        // Same ciphertext, header claiming another key management algorithm: the header is
        // authenticated data, and the decoder refuses it before decrypting anyway.
        String token = jwe(KEY_ID, "A256GCM", NOW.plusSeconds(60), secret);
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8).replace("\"dir\"", "\"A256KW\"");
        refused(Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.')));
    }

    @Test
    void aJweWithAnotherKeyOrAnUnknownKidIsRefused() {
        refused(jwe(KEY_ID, "A256GCM", NOW.plusSeconds(60), randomBytes(32)));
        refused(jwe("otherkey", "A256GCM", NOW.plusSeconds(60), secret));
        refused(jwe(null, "A256GCM", NOW.plusSeconds(60), secret));
    }

    @Test
    void aTamperedOrTruncatedJweIsRefused() {
        String token = jwe(KEY_ID, "A256GCM", NOW.plusSeconds(60), secret);
        String[] parts = token.split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        refused(parts[0] + ".." + parts[2] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext)
                + "." + parts[4]);
        refused(parts[0] + ".." + parts[2] + "." + parts[3] + "." + parts[4].substring(0, 10));
        refused(parts[0] + ".." + parts[2] + "." + parts[3] + ".");
        refused(parts[0] + ".." + parts[2] + "." + parts[3]);
        refused(parts[0] + ".AAAA." + parts[2] + "." + parts[3] + "." + parts[4]);
        refused(parts[0] + ".." + parts[2] + "." + parts[3] + "!." + parts[4]);
        refused("e30.." + parts[2] + "." + parts[3] + "." + parts[4]);
    }

    @Test
    void aJweWithACompressionOrCriticalHeaderIsRefused() {
        JWTClaimsSet claims = claims(NOW.plusSeconds(60));
        refused(encrypt(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(KEY_ID)
                .compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF).build(), claims, secret));
    }

    // --- building tokens independently of the decoder ---

    /** keyId.base64url(IV || AES-256-CBC(SHA-512(json) || json || zeros)), or keyId-base64(...). */
    static String ninchat(String keyId, String json, byte[] key, boolean current) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal(concat(sha512(bytes), bytes), key);
        return current ? keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed)
                : keyId + "-" + Base64.getEncoder().encodeToString(sealed);
    }

    /** IV || AES-CBC of the plaintext padded with zero bytes to the block size. */
    static byte[] seal(byte[] plain, byte[] key) {
        try {
            byte[] padded = Arrays.copyOf(plain, (plain.length + 15) / 16 * 16);
            byte[] iv = randomBytes(16);
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return concat(iv, cipher.doFinal(padded));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwe(String keyId, String enc, Instant expires, byte[] key) {
        JWEHeader.Builder header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.parse(enc));
        if (keyId != null) {
            header.keyID(keyId);
        }
        return encrypt(header.build(), claims(expires), key);
    }

    static JWTClaimsSet claims(Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("user-99")
                .claim("ninchat.com/metadata", Map.of("customerId", "C-42", "tier", "gold"));
        if (expires != null) {
            claims.expirationTime(Date.from(expires));
        }
        return claims.build();
    }

    static String encrypt(JWEHeader header, JWTClaimsSet claims, byte[] key) {
        try {
            JWEObject jwe = new JWEObject(header, new Payload(claims.toJSONObject()));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String valid() {
        return "{\"expire\":" + (NOW.getEpochSecond() + 600) + ",\"metadata\":{\"a\":\"b\"}}";
    }

    private void refused(String token) {
        assertThrows(InvalidSecureMetadata.class, () -> SecureMetadataDecoder.decode(token, secrets, NOW),
                () -> "accepted: " + token);
    }

    /** A JSON text whose length is a multiple of {@code block}, by growing the value between prefix and suffix. */
    private static String pad(String prefix, String suffix, int block) {
        StringBuilder value = new StringBuilder("x");
        while ((prefix.length() + value.length() + suffix.length()) % block != 0) {
            value.append('x');
        }
        return prefix + value + suffix;
    }

    static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
