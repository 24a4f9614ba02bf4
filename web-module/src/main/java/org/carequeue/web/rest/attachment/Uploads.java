package org.carequeue.web.rest.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.message.AttachmentTooLarge;
import org.carequeue.platform.BusinessException;

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

    /**
     * Uploads held in memory at once on this node, whoever sends them (the body is read before the
     * boundary checks the sender): at most this many times the limit. More wait a little, then get 503.
     */
    static final int AT_ONCE = 8;
    private static final Semaphore IN_MEMORY = new Semaphore(AT_ONCE);

    private Uploads() {
    }

    /** A place among the uploads read at once, closed when the upload is stored or refused. */
    public interface Admission extends AutoCloseable {
        @Override
        void close();
    }

    public static Admission admit() throws InterruptedException {
        if (!IN_MEMORY.tryAcquire(5, TimeUnit.SECONDS)) {
            throw new BusinessException(ErrorCode.SERVICE_UNAVAILABLE, "Many files are arriving at once; try again shortly");
        }
        return IN_MEMORY::release;
    }

    /**
     * The body, refused without reading it into memory when its declared length ({@code -1}: none)
     * is already over the limit.
     */
    public static byte[] readAtMost(InputStream in, long declaredLength, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            drain(in);
            throw new AttachmentTooLarge(maxBytes);
        }
        return readAtMost(in, maxBytes);
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
