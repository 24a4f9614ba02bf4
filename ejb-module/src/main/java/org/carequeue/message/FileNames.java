package org.carequeue.message;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A sender's file name made safe to store, show and offer as a download name: only its last path
 * segment, without control and formatting characters (a right-to-left override could make
 * {@code gpj.exe} read as {@code exe.jpg}), without characters file systems refuse, not hidden (no
 * leading dot), not longer than {@value #MAX_BASE_CODE_POINTS} characters before the extension, and
 * always ending with an extension of the type its bytes showed.
 */
final class FileNames {

    static final int MAX_BASE_CODE_POINTS = 100;
    private static final String REFUSED_BY_FILE_SYSTEMS = "\"*:<>?|";

    private FileNames() {
    }

    static String sanitize(String given, FileType type) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            } else if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
                    || kind == Character.PRIVATE_USE || kind == Character.UNASSIGNED) {
                // dropped: invisible, or able to reorder what is shown
            } else if (REFUSED_BY_FILE_SYSTEMS.indexOf(c) >= 0) {
                kept.append('_');
            } else {
                kept.appendCodePoint(c);
            }
        });
        // Composed after the dropping: a dropped character between a letter and its accent must not
        // leave a name that composes differently when sanitized again (found by fuzzing).
        String clean = Normalizer.normalize(kept, Normalizer.Form.NFC).replaceAll(" {2,}", " ").strip()
                .replaceFirst("^[.\\s]+", "");
        int dot = clean.lastIndexOf('.');
        String extension = dot < 0 ? "" : clean.substring(dot + 1).toLowerCase(Locale.ROOT);
        String base = type.extensions().contains(extension) ? clean.substring(0, dot) : clean;
        if (base.codePointCount(0, base.length()) > MAX_BASE_CODE_POINTS) {
            base = base.substring(0, base.offsetByCodePoints(0, MAX_BASE_CODE_POINTS));
        }
        // After the cut too: a base ending in a dot would give "name..pdf", sanitized again "name.pdf".
        base = Normalizer.normalize(base, Normalizer.Form.NFC).strip().replaceFirst("[.\\s]+$", "");
        if (base.isEmpty()) {
            base = "file";
        }
        return base + "." + (type.extensions().contains(extension) ? extension : type.extensions().get(0));
    }
}
