package org.carequeue.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void picturesAndPdfByTheirMagicBytes() {
        assertEquals(Optional.of(FileTypes.PNG), FileTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
        assertEquals(Optional.of(FileTypes.JPEG), FileTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0)));
        assertEquals(Optional.of(FileTypes.GIF), FileTypes.detect("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileTypes.WEBP), FileTypes.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileTypes.PDF), FileTypes.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void textIsValidUtf8WithoutControls() {
        assertEquals(Optional.of(FileTypes.TEXT), FileTypes.detect("Hei 👍🏽\r\n\tok".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), FileTypes.detect(bytes('a', 0xC3)), "broken UTF-8");
        assertEquals(Optional.empty(), FileTypes.detect(bytes('a', 0, 'b')), "a NUL is binary");
        assertEquals(Optional.empty(), FileTypes.detect(bytes('M', 'Z', 0x90, 0)), "an executable");
        // SVG is text to CareQueue: served as text/plain, it cannot run its script.
        assertEquals(Optional.of(FileTypes.TEXT), FileTypes.detect("<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void officeDocumentsByTheirParts() throws IOException {
        assertEquals(Optional.of(FileTypes.DOCX), FileTypes.detect(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(Optional.of(FileTypes.XLSX), FileTypes.detect(zip("[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(Optional.of(FileTypes.PPTX), FileTypes.detect(zip("[Content_Types].xml", "ppt/presentation.xml")));
        assertEquals(Optional.empty(), FileTypes.detect(zip("[Content_Types].xml", "word/document.xml",
                "word/vbaProject.bin")), "macros are refused");
        assertEquals(Optional.empty(), FileTypes.detect(zip("readme.txt")), "any other zip is refused");
        assertEquals(Optional.empty(), FileTypes.detect(bytes('P', 'K', 3, 4, 0, 0)), "a broken zip");

        ByteArrayOutputStream odt = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(odt)) {
            out.putNextEntry(new ZipEntry("mimetype"));
            out.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertEquals(Optional.of(FileTypes.ODT), FileTypes.detect(odt.toByteArray()));
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write('x');
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
