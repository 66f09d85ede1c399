package org.acopi.scoring.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every validation problem of a submission so that all are reported at once (docs/pi-rules.md §2.6). Lists of
 * problems stay complete inside acopi; only where they are shown is the list cut, once, by {@link #capped}: cutting a
 * list that was already cut would lose the count of the problems it left out.
 */
public final class ProblemList {

    private final List<Problem> problems = new ArrayList<>();

    public ProblemList add(ProblemCode code, String message) {
        return add(code.problem(message));
    }

    public ProblemList add(Problem problem) {
        problems.add(problem);
        return this;
    }

    public ProblemList addAll(List<Problem> more) {
        problems.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem found, in the order found. */
    public List<Problem> toList() {
        return List.copyOf(problems);
    }

    /**
     * A complete list as shown: at most {@link ProblemCode#MAX_REPORTED} problems; beyond that the last entry is
     * {@link ProblemCode#TOO_MANY_PROBLEMS} saying how many more were found.
     */
    public static List<Problem> capped(List<Problem> all) {
        if (all.size() <= ProblemCode.MAX_REPORTED) {
            return List.copyOf(all);
        }
        List<Problem> capped = new ArrayList<>(all.subList(0, ProblemCode.MAX_REPORTED - 1));
        int notListed = all.size() - capped.size();
        capped.add(ProblemCode.TOO_MANY_PROBLEMS.problem(notListed + " more problems were found and are not listed"));
        return List.copyOf(capped);
    }
}
