package org.acopi.reporting.participants;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What applying a batch of participant parts left to do: the ACOs and PYs whose public reports may have changed, and,
 * by participant id, the ACOs each moved participant left, which stay marked on its document until their reports have
 * been refreshed. Both sorted.
 */
public record AppliedBatch(Set<AcoYear> acoYears, Map<String, List<String>> departures) {

    static final AppliedBatch NOTHING = new AppliedBatch(Set.of(), Map.of());

    public AppliedBatch {
        acoYears = Collections.unmodifiableSortedSet(new TreeSet<>(acoYears));
        departures = Collections.unmodifiableSortedMap(new TreeMap<>(departures));
    }
}
