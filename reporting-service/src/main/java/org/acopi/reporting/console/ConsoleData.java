package org.acopi.reporting.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.acoprofile.AcoProfileSummary;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.publicreport.PublicReport;
import org.acopi.reporting.publicreport.PublicReports;
import org.springframework.stereotype.Component;

/**
 * What the console pages read: the stored public reports (42 CFR 425.308(b)(9)), the ACO profiles and the
 * participants, through the read models' own repositories. Nothing is recomputed for a page.
 */
@Component
class ConsoleData {

    /** An ACO and PY on the overview: its stored report and, when received, its profile. */
    record AcoSummary(PublicReport report, AcoProfileSummary profile) {
    }

    /** One ACO and PY in full: its report, profile (or null) and every participant document, by TIN then NPI. */
    record AcoDetail(PublicReport report, AcoProfileSummary profile, List<Participant> participants) {
    }

    private final PublicReports reports;
    private final AcoProfileRepository profiles;
    private final ParticipantRepository participants;

    ConsoleData(PublicReports reports, AcoProfileRepository profiles, ParticipantRepository participants) {
        this.reports = reports;
        this.profiles = profiles;
        this.participants = participants;
    }

    List<AcoSummary> overview() {
        Map<AcoYear, AcoProfileSummary> byAcoYear = profiles.findAll().stream()
                .collect(Collectors.toMap(AcoProfileSummary::acoYear, Function.identity(), (a, b) -> a));
        return reports.findAll().stream()
                .map(r -> new AcoSummary(r, byAcoYear.get(new AcoYear(r.acoId(), r.performanceYear()))))
                .toList();
    }

    Optional<AcoDetail> aco(AcoYear acoYear) {
        return reports.find(acoYear).map(report -> new AcoDetail(report, profiles.find(acoYear).orElse(null),
                participants.findByAcoYear(acoYear)));
    }

    Optional<AcoProfileSummary> profile(AcoYear acoYear) {
        return profiles.find(acoYear);
    }

    boolean exists(AcoYear acoYear) {
        return reports.find(acoYear).isPresent() || participants.exists(acoYear);
    }

    List<Participant> clinician(AcoYear acoYear, String npi) {
        return participants.findByNpi(acoYear, npi);
    }
}
