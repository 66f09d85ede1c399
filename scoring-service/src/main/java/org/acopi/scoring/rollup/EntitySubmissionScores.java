package org.acopi.scoring.rollup;

import java.util.Comparator;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The current PI score of each submitter (source system) for one entity and PY, and the entity's score: the highest
 * of them (docs/pi-rules.md §11.2, NAACOS FAQ 3c: from PY2025 CMS assigns the highest score when there are several
 * submissions). A withdrawn submission leaves the map, so the next best takes over.
 */
public record EntitySubmissionScores(Map<String, SubmitterScore> bySubmitter) {

    /** One submitter's current valid submission and its category score. */
    public record SubmitterScore(String submitter, String submissionId, long submittedAt, double score) {
    }

    private static final Comparator<SubmitterScore> BEST = Comparator.comparingDouble(SubmitterScore::score)
            .thenComparingLong(SubmitterScore::submittedAt)
            .thenComparing(SubmitterScore::submitter, Comparator.reverseOrder());

    public EntitySubmissionScores {
        bySubmitter = Collections.unmodifiableSortedMap(bySubmitter == null ? new TreeMap<>() : new TreeMap<>(bySubmitter));
    }

    public static EntitySubmissionScores empty() {
        return new EntitySubmissionScores(Map.of());
    }

    /** This entity with the submitter's current score replaced, or removed when {@code score} is null (withdrawn). */
    public EntitySubmissionScores with(String submitter, SubmitterScore score) {
        Map<String, SubmitterScore> next = new TreeMap<>(bySubmitter);
        if (score == null) {
            next.remove(submitter);
        } else {
            next.put(submitter, score);
        }
        return new EntitySubmissionScores(next);
    }

    /** The highest current score; ties go to the later submission, then to the alphabetically first submitter. */
    public Optional<SubmitterScore> best() {
        return bySubmitter.values().stream().max(BEST);
    }
}
