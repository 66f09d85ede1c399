package org.acopi.reporting.participants;

import java.util.function.Predicate;

/**
 * The operations views of an ACO's participants (design.md §6), by public-reporting status (pi-rules.md §8).
 * Every filter but {@link #NOT_COUNTED} lists only TIN/NPIs on the active participation list.
 */
public enum StatusFilter {
    REQUIRED_NOT_SCORED("requiredNotScored", ParticipantStatus::requiredNotScored),
    REQUIRED("required", ParticipantStatus::required),
    EXCLUDED("excluded", ParticipantStatus::excluded),
    SCORED("scored", ParticipantStatus::scored),
    EXCLUDED_VOLUNTARILY_REPORTED("excludedVoluntarilyReported", ParticipantStatus::excludedVoluntarilyReported),
    /** Every TIN/NPI on the active participation list. */
    ALL("counted", ParticipantStatus::counted),
    /** Removed from the participation list, or known only from a score while its determination has not arrived. */
    NOT_COUNTED("counted", s -> !s.counted());

    private final String statusField;
    private final Predicate<ParticipantStatus> test;

    StatusFilter(String statusField, Predicate<ParticipantStatus> test) {
        this.statusField = statusField;
        this.test = test;
    }

    public boolean test(ParticipantStatus status) {
        return test.test(status);
    }

    String statusField() {
        return statusField;
    }

    boolean expected() {
        return this != NOT_COUNTED;
    }
}
