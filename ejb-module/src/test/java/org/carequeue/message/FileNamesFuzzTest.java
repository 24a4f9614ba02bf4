package org.carequeue.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Whatever name a sender gives a file, the stored one is a single safe segment. The seeds under
 * {@code FileNamesFuzzTestInputs/sanitizedNamesAreSafe} run with every build; {@code JAZZER_FUZZ=1}
 * searches for more (docs/reliability.md). An input's last byte picks the file type.
 */
class FileNamesFuzzTest {

    private static final List<FileType> TYPES = List.of(FileTypes.PNG, FileTypes.JPEG, FileTypes.GIF, FileTypes.WEBP,
            FileTypes.PDF, FileTypes.TEXT, FileTypes.DOCX, FileTypes.XLSX, FileTypes.PPTX, FileTypes.ODT,
            FileTypes.ODS, FileTypes.ODP);

    @FuzzTest(maxDuration = "2m")
    void sanitizedNamesAreSafe(FuzzedDataProvider data) {
        FileType type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
        String given = data.consumeRemainingAsString();

        String name = FileNames.sanitize(given, type);

        assertFalse(name.contains("/") || name.contains("\\"), () -> "a path separator in " + name);
        name.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            assertFalse(kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
                    || kind == Character.PRIVATE_USE || kind == Character.UNASSIGNED,
                    () -> "U+" + Integer.toHexString(c) + " in " + name);
            assertTrue("\"*:<>?|".indexOf(c) < 0, () -> "a character file systems refuse in " + name);
        });
        assertFalse(name.startsWith(".") || name.startsWith(" ") || name.endsWith(" "), () -> "hidden or padded: " + name);
        int dot = name.lastIndexOf('.');
        assertTrue(dot > 0 && type.extensions().contains(name.substring(dot + 1)), () -> "no extension of its type: " + name);
        String base = name.substring(0, dot);
        assertTrue(base.codePointCount(0, base.length()) <= FileNames.MAX_BASE_CODE_POINTS, () -> "too long: " + name);
        assertEquals(name, FileNames.sanitize(name, type), "a sanitized name is kept as it is");
    }
}
