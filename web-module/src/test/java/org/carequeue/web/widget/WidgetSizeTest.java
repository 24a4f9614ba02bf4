package org.carequeue.web.widget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The widget is what every host page loads: the loader and the chat (script, styles, page) stay
 * under 60 KB gzipped, each file compressed on its own as a server sends it. The call script the
 * chat loads when the site offers video counts too.
 */
class WidgetSizeTest {

    static final int LIMIT_BYTES = 60 * 1024;
    static final Path WEBAPP = Path.of("src", "main", "webapp");

    @Test
    void loaderAndChatStayUnderSixtyKilobytesGzipped() throws IOException {
        long total = 0;
        StringBuilder report = new StringBuilder();
        for (String name : List.of("widget/loader.js", "widget/chat.html", "widget/chat.js", "widget/chat.css",
                "resources/carequeue/call.js")) {
            byte[] raw = Files.readAllBytes(WEBAPP.resolve(name));
            int gzipped = gzipped(raw);
            total += gzipped;
            report.append(String.format("  %-27s %7d bytes, %6d gzipped%n", name, raw.length, gzipped));
        }
        System.out.printf("Widget size:%n%s  total                       %d bytes gzipped (limit %d)%n", report, total, LIMIT_BYTES);
        assertTrue(total <= LIMIT_BYTES, "the widget is " + total + " bytes gzipped, over " + LIMIT_BYTES);
    }

    private static int gzipped(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        }
        return out.size();
    }
}
