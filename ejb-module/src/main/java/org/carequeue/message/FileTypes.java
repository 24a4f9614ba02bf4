package org.carequeue.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, told by its bytes alone (its name and the type its sender declared are never
 * trusted). The allow-list: pictures browsers show (PNG, JPEG, GIF, WebP; not SVG, which can carry
 * script), PDF, plain UTF-8 text, and the office formats of Word, Excel and PowerPoint (OOXML, without
 * macros) and OpenDocument. Anything else, including archives, executables, HTML served as such, and
 * the old binary Office formats (they cannot be told apart without parsing and often carry macros),
 * is refused.
 */
final class FileTypes {

    static final FileType PNG = FileType.picture("image/png", "png");
    static final FileType JPEG = FileType.picture("image/jpeg", "jpg", "jpeg");
    static final FileType GIF = FileType.picture("image/gif", "gif");
    static final FileType WEBP = FileType.picture("image/webp", "webp");
    static final FileType PDF = FileType.document("application/pdf", "pdf");
    static final FileType TEXT = FileType.document("text/plain; charset=utf-8", "txt", "text", "log", "csv", "md");
    static final FileType DOCX = FileType.document(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    static final FileType XLSX = FileType.document(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    static final FileType PPTX = FileType.document(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    static final FileType ODT = FileType.document("application/vnd.oasis.opendocument.text", "odt");
    static final FileType ODS = FileType.document("application/vnd.oasis.opendocument.spreadsheet", "ods");
    static final FileType ODP = FileType.document("application/vnd.oasis.opendocument.presentation", "odp");

    /** A document with more entries than this is not one of ours (and is not read further). */
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private FileTypes() {
    }

    static Optional<FileType> detect(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(b, 0, 'P', 'K', 3, 4)) {
            return officeDocument(b);
        }
        return isPlainText(b) ? Optional.of(TEXT) : Optional.empty();
    }

    /** OOXML (a {@code [Content_Types].xml} and its part folder, no macros) or OpenDocument (its {@code mimetype}). */
    private static Optional<FileType> officeDocument(byte[] b) {
        Set<String> folders = new HashSet<>();
        boolean contentTypes = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry entry;
            for (int n = 0; n < MAX_ZIP_ENTRIES && (entry = zip.getNextEntry()) != null; n++) {
                String name = entry.getName();
                if (n == 0 && name.equals("mimetype")) {
                    return openDocument(new String(zip.readNBytes(100), StandardCharsets.US_ASCII));
                }
                if (name.endsWith("vbaProject.bin")) {
                    return Optional.empty();
                }
                contentTypes |= name.equals("[Content_Types].xml");
                int slash = name.indexOf('/');
                if (slash > 0) {
                    folders.add(name.substring(0, slash));
                }
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        if (!contentTypes) {
            return Optional.empty();
        }
        return folders.contains("word") ? Optional.of(DOCX)
                : folders.contains("xl") ? Optional.of(XLSX)
                : folders.contains("ppt") ? Optional.of(PPTX) : Optional.empty();
    }

    private static Optional<FileType> openDocument(String mimetype) {
        return Arrays.asList(ODT, ODS, ODP).stream().filter(t -> t.mediaType().equals(mimetype.strip())).findFirst();
    }

    /** Valid UTF-8 (a byte order mark allowed) without control characters but tab, line breaks and form feed. */
    private static boolean isPlainText(byte[] b) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
                || c == 0x7F);
    }

    private static boolean startsWith(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
