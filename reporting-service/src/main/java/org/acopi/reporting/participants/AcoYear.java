package org.acopi.reporting.participants;

import java.util.Comparator;

/** An ACO and a performance year: the unit of a public report (42 CFR 425.308(b)(9)). */
public record AcoYear(String acoId, int performanceYear) implements Comparable<AcoYear> {

    private static final Comparator<AcoYear> ORDER =
            Comparator.comparing(AcoYear::acoId).thenComparingInt(AcoYear::performanceYear);

    /** The {@code {acoId}:{py}} key of design.md §4, also the id of the report documents. */
    public String key() {
        return acoId + ":" + performanceYear;
    }

    @Override
    public int compareTo(AcoYear other) {
        return ORDER.compare(this, other);
    }
}
