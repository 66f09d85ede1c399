package org.acopi.local.loader;

/**
 * A row or object of a dataset that was not loaded, and why. {@code line} is 1-based (0 when the problem concerns
 * the whole file). The reason never contains a full TIN.
 */
public record LoadProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
