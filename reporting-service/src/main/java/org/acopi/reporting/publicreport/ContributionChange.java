package org.acopi.reporting.publicreport;

import org.acopi.reporting.participants.SourceVersion;

/**
 * One change to an ACO's public report for a PY, keyed {@code {acoId}:{py}} ({@link #acoKey}): a TIN/NPI's stored
 * contribution {@code old} is taken away and {@code now} added (either null when it joins or leaves the ACO), or a
 * newer APM entity score replaces the stored one. {@code input} is the record that caused it: the report's watermark
 * moves to it.
 */
public record ContributionChange(ReportContribution old, ReportContribution now, ApmEntityScoreSummary apmEntityScore,
                                 SourceVersion input) {

    public static ContributionChange of(ReportContribution old, ReportContribution now, SourceVersion input) {
        return new ContributionChange(old, now, null, input);
    }

    public static ContributionChange of(ApmEntityScoreSummary apmEntityScore) {
        return new ContributionChange(null, null, apmEntityScore, apmEntityScore.version());
    }

    /** The key of the ACO and PY whose report this changes. */
    public String acoKey() {
        if (apmEntityScore != null) {
            return new org.acopi.reporting.participants.AcoYear(apmEntityScore.acoId(), apmEntityScore.performanceYear()).key();
        }
        return (now != null ? now : old).acoYear().key();
    }
}
