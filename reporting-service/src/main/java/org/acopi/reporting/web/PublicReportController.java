package org.acopi.reporting.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.acoprofile.AcoProfileSummary;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.publicreport.ComputedFrom;
import org.acopi.reporting.publicreport.PublicCounts;
import org.acopi.reporting.publicreport.PublicReport;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.web.AcoYearParameters.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/acos/{acoId}/public-reports/{performanceYear}}: an ACO's Promoting Interoperability
 * public-reporting counts for a PY (42 CFR 425.308(b)(9); docs/pi-rules.md §8), at TIN/NPI ({@code providersSuppliers})
 * and TIN ({@code participants}) level, with its APM entity PI score and the versions they were computed from, and
 * the ACO's profile ({@code aco}: the legal name it publishes under, 42 CFR 425.308), read from {@code aco_profiles}
 * when the request is served.
 */
@RestController
class PublicReportController {

    private final PublicReports reports;
    private final AcoProfileRepository profiles;

    PublicReportController(PublicReports reports, AcoProfileRepository profiles) {
        this.reports = reports;
        this.profiles = profiles;
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/public-reports/{performanceYear}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> publicReport(@PathVariable String acoId, @PathVariable String performanceYear) {
        Optional<Problem> problem = AcoYearParameters.problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return problem.get().json();
        }
        AcoYear acoYear = AcoYearParameters.of(acoId, performanceYear);
        return reports.find(acoYear)
                .<ResponseEntity<?>>map(report -> ResponseEntity.ok(
                        PublicReportJson.of(report, profiles.find(acoYear).orElse(null))))
                .orElseGet(() -> AcoYearParameters.notFound("public report", acoYear).json());
    }

    /** The JSON shape of a public report (reporting-service/README.md). */
    record PublicReportJson(
            String acoId,
            int performanceYear,
            AcoJson aco,
            boolean enforced,
            boolean exempt,
            String exemptReason,
            PublicCounts providersSuppliers,
            PublicCounts participants,
            ApmEntityScoreJson apmEntityScore,
            Instant asOf,
            ComputedFrom computedFrom) {

        static PublicReportJson of(PublicReport r, AcoProfileSummary profile) {
            return new PublicReportJson(r.acoId(), r.performanceYear(), AcoJson.of(profile), r.enforced(), r.exempt(),
                    r.exemptReason(), r.providersSuppliers(), r.participants(), ApmEntityScoreJson.of(r.apmEntityScore()),
                    r.asOf(), r.computedFrom());
        }
    }

    /** The ACO's profile, null until one has been received. */
    record AcoJson(String legalName, String program, String track, String publicReportingUrl) {

        static AcoJson of(AcoProfileSummary p) {
            return p == null ? null : new AcoJson(p.legalName(), p.program(), p.track(), p.publicReportingUrl());
        }
    }

    record ApmEntityScoreJson(
            String method,
            Double score,
            int cliniciansCounted,
            int cliniciansScored,
            int leftOutReweighted,
            String entitySubmissionId,
            String formula,
            List<String> reasonCodes,
            String rulesVersion) {

        static ApmEntityScoreJson of(ApmEntityScoreSummary s) {
            return s == null ? null : new ApmEntityScoreJson(s.method(), s.score(), s.cliniciansCounted(), s.cliniciansScored(),
                    s.leftOutReweighted(), s.entitySubmissionId(), s.formula(), s.reasonCodes(), s.rulesVersion());
        }
    }
}
