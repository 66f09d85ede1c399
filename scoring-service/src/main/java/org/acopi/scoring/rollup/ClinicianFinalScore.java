package org.acopi.scoring.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.acopi.events.EntityType;

/**
 * A rostered clinician's final PI score (docs/pi-rules.md §6.1 "highest of", §11.2; BRIEF): the highest of its individual,
 * group, virtual group and APM entity scores, with the level it came from. Not scored when no level has a score
 * ({@value #NO_PI_SUBMISSION}), when CMS found its data compromised ({@value #DATA_COMPROMISED}, §11.4 item 8), or
 * when it left the roster ({@value #ROSTER_REMOVED}).
 */
public record ClinicianFinalScore(boolean scored, Double finalScore, EntityType source, List<LevelCandidate> candidates,
                                  List<String> contributingSubmissionIds, List<String> reasonCodes) {

    public static final String NO_PI_SUBMISSION = "NO_PI_SUBMISSION";
    public static final String DATA_COMPROMISED = "DATA_COMPROMISED";
    public static final String ROSTER_REMOVED = "ROSTER_REMOVED";

    /** Ties between levels go to the first in this order. */
    private static final Comparator<LevelCandidate> LEVEL_ORDER = Comparator.comparingInt(c -> c.level().ordinal());

    public ClinicianFinalScore {
        candidates = List.copyOf(candidates);
        contributingSubmissionIds = List.copyOf(contributingSubmissionIds);
        reasonCodes = List.copyOf(reasonCodes);
    }

    /** Decides the final score from the candidate scores at each level (absent levels are simply not listed). */
    public static ClinicianFinalScore decide(ClinicianStanding standing, List<LevelCandidate> candidates) {
        List<LevelCandidate> sorted = new ArrayList<>(candidates);
        sorted.sort(LEVEL_ORDER);
        if (standing.removed()) {
            return notScored(sorted, ROSTER_REMOVED);
        }
        if (standing.dataCompromised()) {
            return notScored(sorted, DATA_COMPROMISED);
        }
        if (sorted.isEmpty()) {
            return notScored(sorted, NO_PI_SUBMISSION);
        }
        double best = sorted.stream().mapToDouble(LevelCandidate::score).max().orElseThrow();
        List<LevelCandidate> winners = sorted.stream().filter(c -> c.score() == best).toList();
        return new ClinicianFinalScore(true, best, winners.get(0).level(), sorted,
                winners.stream().map(LevelCandidate::submissionId).distinct().toList(), List.of());
    }

    private static ClinicianFinalScore notScored(List<LevelCandidate> candidates, String reason) {
        return new ClinicianFinalScore(false, null, null, candidates, List.of(), List.of(reason));
    }
}
