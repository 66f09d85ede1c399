package org.acopi.scoring.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every validation problem of a submission so that all are reported at once (pi-rules.md §2.6), capped at
 * {@link ProblemCode#MAX_REPORTED}: beyond the cap the last entry says how many more were found.
 */
public final class ProblemList {

    private final List<Problem> problems = new ArrayList<>();
    private int found;

    public ProblemList add(ProblemCode code, String message) {
        return add(code.problem(message));
    }

    public ProblemList add(Problem problem) {
        found++;
        if (problems.size() < ProblemCode.MAX_REPORTED) {
            problems.add(problem);
        }
        return this;
    }

    public ProblemList addAll(List<Problem> more) {
        more.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return found == 0;
    }

    public List<Problem> toList() {
        if (found <= ProblemCode.MAX_REPORTED) {
            return List.copyOf(problems);
        }
        List<Problem> capped = new ArrayList<>(problems.subList(0, ProblemCode.MAX_REPORTED - 1));
        int notListed = found - capped.size();
        capped.add(ProblemCode.TOO_MANY_PROBLEMS.problem(notListed + " more problems were found and are not listed"));
        return List.copyOf(capped);
    }
}
