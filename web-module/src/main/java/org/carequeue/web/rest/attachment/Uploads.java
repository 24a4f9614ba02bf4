package org.carequeue.web.rest.attachment;

import java.io.IOException;
import java.io.InputStream;
import org.carequeue.message.AttachmentTooLarge;

/**
 * Reads an uploaded file into memory, never more than the limit and one byte: a file one byte too
 * long is refused as surely as one a gigabyte too long, whatever its Content-Length claimed.
 */
public final class Uploads {

    /**
     * How much of an over-size upload is read and dropped so that the client receives the 413
     * (closing on unread data resets the connection); beyond it the connection is closed.
     */
    static final long DRAIN_BYTES = 64L * 1024 * 1024;

    private Uploads() {
    }

    public static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            drain(in);
            throw new AttachmentTooLarge(maxBytes);
        }
        return bytes;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long drained = 0;
        int n;
        while (drained < DRAIN_BYTES && (n = in.read(sink)) != -1) {
            drained += n;
        }
    }
}
