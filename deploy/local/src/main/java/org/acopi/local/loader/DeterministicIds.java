package org.acopi.local.loader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Event ids and default timestamps that depend only on the dataset, so that loading the same dataset twice
 * produces the same events and changes nothing downstream.
 */
final class DeterministicIds {

    private DeterministicIds() {
    }

    /** A name-based UUID of the file name and the row's content (not its line number). */
    static String eventId(String file, String content) {
        return UUID.nameUUIDFromBytes((file + "\n" + content).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Midnight UTC of a date plus {@code tieBreakMillis}: later rows of one file win ties on the same date. */
    static Instant at(LocalDate date, int tieBreakMillis) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(tieBreakMillis);
    }

    /** The APM snapshot dates of a PY (March 31, June 30, August 31, December 31; docs/pi-rules.md §7.4). */
    static LocalDate snapshotDate(int performanceYear, int snapshot) {
        return switch (snapshot) {
            case 1 -> LocalDate.of(performanceYear, 3, 31);
            case 2 -> LocalDate.of(performanceYear, 6, 30);
            case 3 -> LocalDate.of(performanceYear, 8, 31);
            case 4 -> LocalDate.of(performanceYear, 12, 31);
            default -> throw new IllegalArgumentException("snapshot " + snapshot);
        };
    }
}
