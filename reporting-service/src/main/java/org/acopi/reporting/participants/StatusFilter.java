package org.acopi.reporting.participants;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The operations views of an ACO's participants (design.md §6), by public-reporting status (docs/pi-rules.md §8).
 * Every filter but {@link #NOT_COUNTED} lists only TIN/NPIs on the active participation list.
 */
public enum StatusFilter {
    REQUIRED_NOT_SCORED(ParticipantStatus::requiredNotScored),
    REQUIRED(ParticipantStatus::required),
    EXCLUDED(ParticipantStatus::excluded),
    SCORED(ParticipantStatus::scored),
    EXCLUDED_VOLUNTARILY_REPORTED(ParticipantStatus::excludedVoluntarilyReported),
    /** Every TIN/NPI on the active participation list. */
    ALL(ParticipantStatus::counted),
    /** Removed from the participation list, or known only from a score while its determination has not arrived. */
    NOT_COUNTED(s -> !s.counted());

    private final Predicate<ParticipantStatus> test;

    StatusFilter(Predicate<ParticipantStatus> test) {
        this.test = test;
    }

    public boolean test(ParticipantStatus status) {
        return test.test(status);
    }

    /** The filter named, ignoring case and surrounding blanks ({@code required_not_scored} is REQUIRED_NOT_SCORED). */
    public static Optional<StatusFilter> parse(String name) {
        String wanted = name.strip();
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Every filter's name, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
