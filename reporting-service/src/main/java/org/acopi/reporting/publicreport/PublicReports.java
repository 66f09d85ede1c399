package org.acopi.reporting.publicreport;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.AppliedBatch;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each ACO's public report (42 CFR 425.308(b)(9); docs/pi-rules.md §8) equal to the function of its stored
 * participants and APM entity score: {@link #refresh} recomputes the reports of the ACOs a batch touched.
 */
@Service
public class PublicReports {

    private static final Logger log = LoggerFactory.getLogger(PublicReports.class);

    private final ParticipantRepository participants;
    private final ApmEntityScoreRepository apmEntityScores;
    private final PublicReportRepository reports;
    private final ReportMetrics metrics;

    public PublicReports(ParticipantRepository participants, ApmEntityScoreRepository apmEntityScores,
                         PublicReportRepository reports, ReportMetrics metrics) {
        this.participants = participants;
        this.apmEntityScores = apmEntityScores;
        this.reports = reports;
        this.metrics = metrics;
    }

    public void refresh(Set<AcoYear> acoYears) {
        for (AcoYear acoYear : acoYears) {
            long revision = reports.requestRevision(acoYear);
            PublicReport report = PublicReportCalculator.compute(acoYear, participants.findForReport(acoYear),
                    apmEntityScores.find(acoYear).orElse(null));
            if (reports.save(report, revision)) {
                metrics.record(report, revision);
            } else {
                log.debug("report {} revision {} superseded by a later one", acoYear.key(), revision);
            }
        }
    }

    /**
     * Stores a batch of participant parts, refreshes the reports of every ACO it touched, then lets the moved
     * participants forget the ACOs they left.
     */
    public void applyParticipants(List<ParticipantUpdate> updates) {
        if (!updates.isEmpty()) {
            AppliedBatch applied = participants.apply(updates);
            refresh(applied.acoYears());
            participants.departuresRefreshed(applied);
        }
    }

    /** Stores a batch of APM entity scores and refreshes the reports of their ACOs. */
    public void applyApmEntityScores(List<ApmEntityScoreSummary> batch) {
        if (!batch.isEmpty()) {
            refresh(apmEntityScores.apply(batch));
        }
    }

    public Optional<PublicReport> find(AcoYear acoYear) {
        return reports.find(acoYear);
    }

    /** Every stored report, by ACO id then PY, as stored: nothing is recomputed. */
    public List<PublicReport> findAll() {
        return reports.findAll();
    }
}
