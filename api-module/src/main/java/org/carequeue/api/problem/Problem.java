package org.carequeue.api.problem;

/**
 * RFC 9457 problem details as every {@code /api/**} error carries them, with CareQueue's stable
 * {@link ErrorCode} in {@code code}.
 */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail) {
        return new Problem("https://carequeue.org/problems/" + code.code(),
                title(code), code.status(), detail, code.code());
    }

    private static String title(ErrorCode code) {
        String words = code.code().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
