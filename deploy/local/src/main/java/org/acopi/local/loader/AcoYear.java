package org.acopi.local.loader;

/** An ACO and a performance year that a dataset has data for; the unit of a public report. */
public record AcoYear(String acoId, int performanceYear) implements Comparable<AcoYear> {

    @Override
    public int compareTo(AcoYear other) {
        int byAco = acoId.compareTo(other.acoId);
        return byAco != 0 ? byAco : Integer.compare(performanceYear, other.performanceYear);
    }

    @Override
    public String toString() {
        return acoId + " PY" + performanceYear;
    }
}
