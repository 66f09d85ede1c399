package org.acopi.local;

/** Progress and warnings of the launcher: always on stderr, so that {@code --once} keeps stdout for JSON only. */
final class Progress {

    private Progress() {
    }

    static void info(String message) {
        System.err.println("[acopi] " + message);
    }

    static void warn(String message) {
        System.err.println("[acopi] WARNING: " + message);
    }
}
