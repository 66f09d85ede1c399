package org.acopi.local;

import java.time.Duration;

/** Pauses between polls of the launcher's wait loops. */
final class Sleeps {

    private Sleeps() {
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
