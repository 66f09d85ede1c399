package org.acopi.scoring.rules;

/** One measurement of a PI measurement set (QPP Submissions API {@code measurements[]}); {@code value} may be null. */
public record ReportedMeasure(String measureId, MeasureValue value) {

    public static ReportedMeasure yes(String measureId) {
        return new ReportedMeasure(measureId, MeasureValue.yes());
    }

    public static ReportedMeasure no(String measureId) {
        return new ReportedMeasure(measureId, MeasureValue.no());
    }

    public static ReportedMeasure ratio(String measureId, long numerator, long denominator) {
        return new ReportedMeasure(measureId, MeasureValue.ratio(numerator, denominator));
    }
}
