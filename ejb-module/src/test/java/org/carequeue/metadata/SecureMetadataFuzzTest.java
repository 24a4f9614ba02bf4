package org.carequeue.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secure-metadata decoders under hostile input: a token is either decoded into bounded, clean
 * metadata or refused with {@link InvalidSecureMetadata}, never anything else (another exception
 * would be a 500 and a log line an attacker can trigger at will). Random tokens rarely get past the
 * key lookup and the cipher, so two targets seal what the fuzzer writes with the right key: the
 * JSON inside a Ninchat token, and the header and claims of a JWE. Seeds: the
 * {@code SecureMetadataFuzzTestInputs/<method>} folders; longer runs: docs/reliability.md.
 */
class SecureMetadataFuzzTest {

    static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    static final String KEY_ID = "k1abcdefghij";
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final MasterKeySecrets SECRETS = id -> KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty();

    @FuzzTest(maxDuration = "2m")
    void anyTokenIsDecodedOrRefused(FuzzedDataProvider data) {
        decodedOrRefused(data.consumeRemainingAsString());
    }

    /** The bytes are the JSON a partner's server encrypts, in both Ninchat formats; the first 16 are the IV. */
    @FuzzTest(maxDuration = "2m")
    void anyNinchatPlaintextIsDecodedOrRefused(FuzzedDataProvider data) {
        byte[] iv = Arrays.copyOf(data.consumeBytes(16), 16);
        byte[] json = data.consumeRemainingAsBytes();
        byte[] plain = concat(sha512(json), json);
        byte[] sealed = concat(iv, cipher("AES/CBC/NoPadding", Cipher.ENCRYPT_MODE, new IvParameterSpec(iv), null,
                Arrays.copyOf(plain, (plain.length + 15) / 16 * 16)));
        decodedOrRefused(KEY_ID + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
        decodedOrRefused(KEY_ID + "-" + Base64.getEncoder().encodeToString(sealed));
    }

    /** The text is a JWE's protected header, a line break, then its claims, sealed with AES-GCM and the right key. */
    @FuzzTest(maxDuration = "2m")
    void anyJweHeaderAndClaimsAreDecodedOrRefused(FuzzedDataProvider data) {
        byte[] iv = Arrays.copyOf(data.consumeBytes(12), 12);
        String text = data.consumeRemainingAsString();
        int lineBreak = text.indexOf('\n');
        String header = lineBreak < 0 ? text : text.substring(0, lineBreak);
        String claims = lineBreak < 0 ? "" : text.substring(lineBreak + 1);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String protectedHeader = base64url.encodeToString(header.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher("AES/GCM/NoPadding", Cipher.ENCRYPT_MODE, new GCMParameterSpec(128, iv),
                protectedHeader.getBytes(StandardCharsets.US_ASCII), claims.getBytes(StandardCharsets.UTF_8));
        int tag = sealed.length - 16;
        decodedOrRefused(protectedHeader + ".." + base64url.encodeToString(iv) + "."
                + base64url.encodeToString(Arrays.copyOfRange(sealed, 0, tag)) + "."
                + base64url.encodeToString(Arrays.copyOfRange(sealed, tag, sealed.length)));
    }

    private static void decodedOrRefused(String token) {
        VerifiedMetadata verified;
        try {
            verified = SecureMetadataDecoder.decode(token, SECRETS, NOW);
        } catch (InvalidSecureMetadata refused) {
            assertEquals(InvalidSecureMetadata.DETAIL, refused.getMessage(), "every refusal says the same");
            assertEquals(null, refused.getCause(), "a refusal carries no cause");
            return;
        }
        assertEquals(KEY_ID, verified.keyId());
        assertTrue(verified.metadata().size() <= SecureMetadataDecoder.MAX_ENTRIES);
        verified.metadata().forEach((key, value) -> {
            assertTrue(!key.isEmpty() && key.length() <= SecureMetadataDecoder.MAX_KEY_LENGTH, () -> "key " + key);
            assertTrue(value.length() <= SecureMetadataDecoder.MAX_VALUE_LENGTH, () -> "value of " + key);
            assertFalse(hasControlCharacter(key) || hasControlCharacter(value), () -> "a control character in " + key);
        });
        if (verified.userId() != null) {
            assertTrue(verified.userId().length() <= SecureMetadataDecoder.MAX_VALUE_LENGTH);
            assertFalse(hasControlCharacter(verified.userId()));
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
    }

    private static byte[] cipher(String transformation, int mode, java.security.spec.AlgorithmParameterSpec parameters,
                                 byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, new SecretKeySpec(SECRET, "AES"), parameters);
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
