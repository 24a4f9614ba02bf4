package org.carequeue.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets: 256 random bits with a readable prefix (so leaked tokens are easy to spot), kept
 * in the database only as a SHA-256.
 */
public final class Tokens {

    public static final String AGENT_PREFIX = "cqa_";
    public static final String CUSTOMER_PREFIX = "cqc_";
    public static final String INVITATION_PREFIX = "cqi_";
    public static final String API_KEY_PREFIX = "cqk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
