package org.carequeue.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsAnOrdinaryNameAndItsExtension() {
        assertEquals("Holiday photo.jpg", FileNames.sanitize("Holiday photo.JPG", FileTypes.JPEG));
        assertEquals("scan.jpeg", FileNames.sanitize("scan.jpeg", FileTypes.JPEG));
        assertEquals("Lasku ✓ 2024.pdf", FileNames.sanitize("Lasku ✓ 2024.pdf", FileTypes.PDF));
    }

    @Test
    void dropsPathsControlsAndBidiOverrides() {
        assertEquals("passwd.txt", FileNames.sanitize("../../etc/passwd", FileTypes.TEXT));
        assertEquals("report.pdf", FileNames.sanitize("C:\\Users\\x\\report.pdf", FileTypes.PDF));
        assertEquals("fdp.exe.pdf", FileNames.sanitize("\u202Efdp.exe", FileTypes.PDF));
        assertEquals("a b.png", FileNames.sanitize("a\u0000\n\tb\u200B.png", FileTypes.PNG));
        assertEquals("_x_ _y_.pdf", FileNames.sanitize("<x> \"y\".pdf", FileTypes.PDF));
    }

    @Test
    void aNameThatLiesAboutItsTypeGetsTheRealExtension() {
        assertEquals("page.html.txt", FileNames.sanitize("page.html", FileTypes.TEXT));
        assertEquals("photo.png.jpg", FileNames.sanitize("photo.png", FileTypes.JPEG));
    }

    @Test
    void emptyHiddenAndOverlongNamesBecomeUsable() {
        assertEquals("file.pdf", FileNames.sanitize(null, FileTypes.PDF));
        assertEquals("file.pdf", FileNames.sanitize("   ", FileTypes.PDF));
        assertEquals("pdf.pdf", FileNames.sanitize(".pdf", FileTypes.PDF));
        assertEquals("bashrc.txt", FileNames.sanitize(".bashrc", FileTypes.TEXT));
        String emojis = "👍🏽".repeat(80);
        String cut = FileNames.sanitize(emojis + ".png", FileTypes.PNG);
        assertEquals(FileNames.MAX_BASE_CODE_POINTS, cut.codePointCount(0, cut.length() - ".png".length()));
        assertEquals("x".repeat(100) + ".pdf", FileNames.sanitize("x".repeat(5000) + ".pdf", FileTypes.PDF));
    }
}
