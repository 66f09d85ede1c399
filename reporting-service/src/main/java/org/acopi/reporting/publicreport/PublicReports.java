package org.acopi.reporting.publicreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.publicreport.PublicReportRepository.RevisedReport;
import org.springframework.stereotype.Service;

/**
 * The ACOs' public reports (42 CFR 425.308(b)(9); docs/pi-rules.md §8) as the reporting topology keeps them: {@link #store}
 * turns a batch of running sums into reports under each PY's counting rules and writes them; reads return what is
 * stored. Nothing here reads the participants.
 */
@Service
public class PublicReports {

    private final PublicReportRepository reports;
    private final ReportMetrics metrics;

    public PublicReports(PublicReportRepository reports, ReportMetrics metrics) {
        this.reports = reports;
        this.metrics = metrics;
    }

    /** Writes the reports of a batch of running sums (one per ACO and PY, the latest) and updates their gauges. */
    public void store(List<ReportTally> tallies) {
        if (tallies.isEmpty()) {
            return;
        }
        List<RevisedReport> batch = new ArrayList<>(tallies.size());
        for (ReportTally tally : tallies) {
            batch.add(new RevisedReport(tally.report(CountingRules.forYear(tally.performanceYear())), tally.revision()));
        }
        reports.store(batch);
        batch.forEach(revised -> metrics.record(revised.report(), revised.revision()));
    }

    public Optional<PublicReport> find(AcoYear acoYear) {
        return reports.find(acoYear);
    }

    /** Every stored report, by ACO id then PY, as stored: nothing is recomputed. */
    public List<PublicReport> findAll() {
        return reports.findAll();
    }
}
