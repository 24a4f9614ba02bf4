package org.carequeue.api.problem;

/**
 * RFC 9457 problem details as every {@code /api/**} error carries them, with CareQueue's stable
 * {@link ErrorCode} in {@code code} and, when one request field is at fault, its name in
 * {@code field} (e.g. {@code week[2][1]} of a schedule).
 */
public record Problem(String type, String title, int status, String detail, String code, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail) {
        return of(code, detail, null);
    }

    public static Problem of(ErrorCode code, String detail, String field) {
        return new Problem("https://carequeue.org/problems/" + code.code(),
                title(code), code.status(), detail, code.code(), field);
    }

    private static String title(ErrorCode code) {
        String words = code.code().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
