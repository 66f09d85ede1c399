package org.acopi.scoring.rules;

import java.util.List;

/**
 * The explained PI category score of one measurement set under the rules of its performance year (docs/pi-rules.md §2–§5):
 * the category score (0–100, null when the set was rejected), the bonus included in it, the per-measure parts, the
 * {@code Z_*} reasons that forced the score to 0, every {@code INVALID_*} problem that rejected the set (uncapped:
 * {@link ProblemList#capped} cuts a list where it is shown), and the version of the rules data that decided it.
 */
public record PiScore(
        int performanceYear,
        boolean valid,
        Integer score,
        int bonus,
        List<MeasurePart> parts,
        List<String> zeroReasons,
        List<Problem> problems,
        String rulesVersion) {

    public PiScore {
        parts = List.copyOf(parts);
        zeroReasons = List.copyOf(zeroReasons);
        problems = List.copyOf(problems);
    }

    static PiScore rejected(int performanceYear, List<Problem> problems, String rulesVersion) {
        return new PiScore(performanceYear, false, null, 0, List.of(), List.of(), problems, rulesVersion);
    }

    /** The problem codes, for dead-letter reasons and logs. */
    public List<String> problemCodes() {
        return problems.stream().map(Problem::code).toList();
    }
}
