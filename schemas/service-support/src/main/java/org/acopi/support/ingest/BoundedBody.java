package org.acopi.support.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit without buffering more than the limit (a larger body is answered 413). */
public final class BoundedBody {

    /** The body is larger than the endpoint reads. */
    public static final class TooLarge extends Exception {
        public TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes", null, false, false);
        }
    }

    private BoundedBody() {
    }

    public static byte[] read(HttpServletRequest request, long limit) throws IOException, TooLarge {
        if (request.getContentLengthLong() > limit) {
            throw new TooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
