package org.acopi.local.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects what the parsers of one dataset produce. */
final class DatasetBuilder {

    final List<LoadEvent<?>> events = new ArrayList<>();
    final List<LoadProblem> problems = new ArrayList<>();
    final Set<AcoYear> acoYears = new TreeSet<>();

    void event(LoadEvent<?> event) {
        events.add(event);
    }

    void problem(LoadProblem problem) {
        problems.add(problem);
    }

    void acoYear(String acoId, int performanceYear) {
        acoYears.add(new AcoYear(acoId, performanceYear));
    }
}
