package org.acopi.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Every line this JVM writes to standard output and standard error while capturing, still passed through. The
 * services log through Logback's console appender, which writes to whatever {@code System.out} is at the time, and
 * Boot re-initialises Logback per context (an appender attached to the root logger before would be dropped), so the
 * streams are where every log line of the run can be read, stack traces included.
 */
final class LogCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** Everything written so far. */
    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private final class Tee extends OutputStream {

        private final OutputStream passThrough;

        Tee(OutputStream passThrough) {
            this.passThrough = passThrough;
        }

        @Override
        public void write(int b) {
            synchronized (captured) {
                captured.write(b);
            }
            writeThrough(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (captured) {
                captured.write(b, off, len);
            }
            writeThrough(b, off, len);
        }

        private void writeThrough(byte[] b, int off, int len) {
            try {
                passThrough.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is gone; the capture still has the line
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            passThrough.flush();
        }
    }
}
