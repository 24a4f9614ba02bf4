package org.carequeue.metadata;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads secure metadata in any of Ninchat's formats, told apart by shape: a JWE compact
 * serialization has five dot-separated parts, the current Ninchat format {@code keyId.base64url}
 * two, the older one {@code keyId-base64} a dash after the key id (standard base64 has no dash).
 * Pure: no state, no I/O besides the key lookup; every failure is {@link InvalidSecureMetadata}.
 */
public final class SecureMetadataDecoder {

    /** Longer tokens are refused before any decoding. */
    public static final int MAX_TOKEN_LENGTH = 32 * 1024;
    static final int MAX_ENTRIES = 50;
    static final int MAX_KEY_LENGTH = 100;
    static final int MAX_VALUE_LENGTH = 1_000;
    static final int MAX_KEY_ID_LENGTH = 64;
    /** The AES-256 key of a master key. */
    public static final int SECRET_BYTES = 32;

    private SecureMetadataDecoder() {
    }

    public static VerifiedMetadata decode(String token, MasterKeySecrets secrets, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidSecureMetadata();
        }
        long dots = token.chars().filter(c -> c == '.').count();
        if (dots == 4) {
            return JweSecureMetadata.decode(token, secrets, now);
        }
        int dot = token.indexOf('.');
        int dash = token.indexOf('-');
        if (dots == 1) {
            return NinchatSecureMetadata.decode(token.substring(0, dot), token.substring(dot + 1), true, secrets, now);
        }
        if (dots == 0 && dash > 0) {
            return NinchatSecureMetadata.decode(token.substring(0, dash), token.substring(dash + 1), false, secrets, now);
        }
        throw new InvalidSecureMetadata();
    }

    /** The secret of a well-formed key id, or the one answer for every failure. */
    static byte[] secretOf(String keyId, MasterKeySecrets secrets) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH
                || !keyId.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
            throw new InvalidSecureMetadata();
        }
        byte[] secret = secrets.secret(keyId).orElseThrow(InvalidSecureMetadata::new);
        if (secret.length != SECRET_BYTES) {
            throw new InvalidSecureMetadata();
        }
        return secret;
    }

    static JsonObject parseObject(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        } catch (RuntimeException notJsonObject) {
            throw new InvalidSecureMetadata();
        }
    }

    /** Whole seconds since the epoch; a number that is not one is refused. */
    static long seconds(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonNumber number)) {
            throw new InvalidSecureMetadata();
        }
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException notWholeSeconds) {
            throw new InvalidSecureMetadata();
        }
    }

    /** The metadata object as bounded string entries; nested values keep their JSON text. */
    static Map<String, String> metadata(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonObject metadata) || metadata.size() > MAX_ENTRIES) {
            throw new InvalidSecureMetadata();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            String text = value instanceof JsonString string ? string.getString()
                    : value.getValueType() == JsonValue.ValueType.NULL ? "" : value.toString();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || text.length() > MAX_VALUE_LENGTH
                    || hasControlCharacter(key) || hasControlCharacter(text)) {
                throw new InvalidSecureMetadata();
            }
            entries.put(key, text);
        });
        return entries;
    }

    static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().length() > MAX_VALUE_LENGTH
                || hasControlCharacter(string.getString())) {
            throw new InvalidSecureMetadata();
        }
        return string.getString();
    }

    /** As for every stored text: PostgreSQL refuses U+0000, and no control character belongs in a fact. */
    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
    }
}
