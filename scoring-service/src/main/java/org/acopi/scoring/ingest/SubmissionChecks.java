package org.acopi.scoring.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ProblemList;
import org.acopi.scoring.rules.ScoringRules;

/**
 * Validates a parsed submission with the scoring engine's own checks (identifiers, PY, docs/pi-rules.md §2.6) and scores
 * it, as the topology will: the parser's shape problems first, then each rule problem that does not only repeat one
 * of them, cut once to {@link ProblemCode#MAX_REPORTED}. A withdrawal is checked for its identity only.
 */
public final class SubmissionChecks {

    /** The score the submission will get (null when rejected or withdrawn) and every problem, located. */
    public record Checked(PiScore score, List<LocatedProblem> problems) {
    }

    private SubmissionChecks() {
    }

    public static Checked check(ScoringRules rules, ParsedSubmission submission) {
        PiScore score = null;
        List<Problem> ruleProblems;
        if (submission.withdrawn()) {
            ruleProblems = rules.validateIdentity(submission.set());
        } else {
            score = rules.score(submission.set());
            ruleProblems = score.problems();
        }
        Set<Integer> shapeNumbers = new HashSet<>();
        submission.problems().forEach(p -> shapeNumbers.add(p.number()));
        List<LocatedProblem> merged = new ArrayList<>(submission.problems());
        for (Problem p : ruleProblems) {
            boolean repeatsShape = shapeNumbers.contains(p.number())
                    || (p.number() == ProblemCode.PERFORMANCE_PERIOD_MISSING.number()
                    && (shapeNumbers.contains(ProblemCode.DATE_FORMAT.number())
                    || shapeNumbers.contains(ProblemCode.QRDA3_PERIOD.number())));
            if (!repeatsShape) {
                merged.add(LocatedProblem.of(p, submission.location()));
            }
        }
        if (merged.size() > ProblemCode.MAX_REPORTED) {
            List<Problem> capped = ProblemList.capped(merged.stream().map(LocatedProblem::problem).toList());
            List<LocatedProblem> shown = new ArrayList<>(merged.subList(0, ProblemCode.MAX_REPORTED - 1));
            shown.add(LocatedProblem.of(capped.get(capped.size() - 1), submission.location()));
            merged = shown;
        }
        return new Checked(merged.isEmpty() ? score : null, List.copyOf(merged));
    }
}
