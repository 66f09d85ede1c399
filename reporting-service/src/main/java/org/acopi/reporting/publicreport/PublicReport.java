package org.acopi.reporting.publicreport;

import java.time.Instant;

/**
 * An ACO's Promoting Interoperability public-reporting figures for one performance year (42 CFR 425.308(b)(9),
 * 425.507; docs/pi-rules.md §8, §11; PY2025+): the counts for ACO providers/suppliers (TIN/NPI) and for ACO participants
 * (TIN), the APM entity PI score, whether CMS enforces the requirement in the PY (not in PY2025), and whether the ACO is
 * exempt (made up entirely of FQHCs/RHCs). A pure function of the ACO's participants and its APM entity score;
 * {@code asOf} is the time of the latest input event.
 */
public record PublicReport(
        String acoId,
        int performanceYear,
        boolean enforced,
        boolean exempt,
        String exemptReason,
        PublicCounts providersSuppliers,
        PublicCounts participants,
        ApmEntityScoreSummary apmEntityScore,
        Instant asOf,
        ComputedFrom computedFrom) {
}
