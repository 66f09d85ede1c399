package org.acopi.reporting.publicreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantStatus;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.reporting.publicreport.ComputedFrom.OffsetWatermark;

/**
 * Computes an ACO's public report for a PY from its participants and APM entity score (42 CFR 425.308(b)(9),
 * 425.507; docs/pi-rules.md §8, §11.1, §11.3, §11.4 items 6 and 10). Per TIN/NPI the definitions are those of
 * {@link ParticipantStatus}; per TIN those of {@link TinLevel}. The ACO is exempt when every counted participant
 * carries the all-FQHC reason (or the not-MSSP reason); an exempt ACO has no requirement to enforce. Otherwise the
 * requirement counts as enforced when a required participant's determination says so (else per the PY's rules data:
 * not in PY2025).
 */
public final class PublicReportCalculator {

    private PublicReportCalculator() {
    }

    public static PublicReport compute(AcoYear acoYear, List<Participant> participants, ApmEntityScoreSummary apmEntityScore) {
        CountingRules rules = CountingRules.forYear(acoYear.performanceYear());
        List<Participant> counted = new ArrayList<>();
        List<ParticipantStatus> statuses = new ArrayList<>();
        Map<String, List<ParticipantStatus>> byTin = new TreeMap<>();
        for (Participant participant : participants) {
            ParticipantStatus status = participant.status(rules);
            if (status.counted()) {
                counted.add(participant);
                statuses.add(status);
                byTin.computeIfAbsent(participant.tin(), tin -> new ArrayList<>()).add(status);
            }
        }
        String exemptReason = exemptReason(counted, rules);
        return new PublicReport(
                acoYear.acoId(),
                acoYear.performanceYear(),
                exemptReason == null && enforced(counted, rules),
                exemptReason != null,
                exemptReason,
                providersSuppliers(statuses),
                TinLevel.count(byTin),
                apmEntityScore,
                asOf(participants, apmEntityScore),
                computedFrom(participants, apmEntityScore, rules));
    }

    private static String exemptReason(List<Participant> counted, CountingRules rules) {
        if (counted.isEmpty()) {
            return null;
        }
        return rules.acoExemptReasons().stream()
                .filter(reason -> counted.stream().allMatch(p -> p.eligibility().reasonCodes().contains(reason)))
                .findFirst().orElse(null);
    }

    private static PublicCounts providersSuppliers(List<ParticipantStatus> counted) {
        Map<String, Integer> byReason = new TreeMap<>();
        counted.stream().filter(ParticipantStatus::excluded).forEach(s -> byReason.merge(s.decidingReason(), 1, Integer::sum));
        return new PublicCounts(
                count(counted, ParticipantStatus::earnedPiScore),
                count(counted, ParticipantStatus::metRequirementNotExcluded),
                count(counted, ParticipantStatus::excludedVoluntarilyReported),
                counted.size(),
                count(counted, ParticipantStatus::required),
                count(counted, ParticipantStatus::excluded),
                byReason,
                count(counted, ParticipantStatus::requiredNotScored),
                count(counted, ParticipantStatus::scored),
                count(counted, ParticipantStatus::determinationPending));
    }

    private static int count(List<ParticipantStatus> statuses, Predicate<ParticipantStatus> test) {
        return (int) statuses.stream().filter(test).count();
    }

    private static boolean enforced(List<Participant> counted, CountingRules rules) {
        List<Participant> required = counted.stream().filter(p -> p.eligibility().sspRequired()).toList();
        if (required.isEmpty()) {
            return rules.enforcedByDefault();
        }
        return required.stream().anyMatch(p -> p.eligibility().sspEnforced());
    }

    private static Stream<SourceVersion> versions(List<Participant> participants, ApmEntityScoreSummary apm) {
        Stream<SourceVersion> parts = participants.stream().flatMap(p -> Stream.of(
                p.eligibility() == null ? null : p.eligibility().version(),
                p.score() == null ? null : p.score().version()));
        return Stream.concat(parts, Stream.of(apm == null ? null : apm.version())).filter(Objects::nonNull);
    }

    private static Instant asOf(List<Participant> participants, ApmEntityScoreSummary apm) {
        return versions(participants, apm).map(SourceVersion::timestamp).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    private static ComputedFrom computedFrom(List<Participant> participants, ApmEntityScoreSummary apm, CountingRules rules) {
        Map<String, Map<Integer, Long>> watermarks = new TreeMap<>();
        versions(participants, null).forEach(v -> watermarks.computeIfAbsent(v.topic(), t -> new TreeMap<>())
                .merge(v.partition(), v.offset(), Math::max));
        List<OffsetWatermark> offsets = new ArrayList<>();
        watermarks.forEach((topic, partitions) ->
                partitions.forEach((partition, offset) -> offsets.add(new OffsetWatermark(topic, partition, offset))));
        TreeSet<String> eligibilityRules = new TreeSet<>();
        TreeSet<String> scoringRules = new TreeSet<>();
        for (Participant p : participants) {
            if (p.eligibility() != null && p.eligibility().rulesVersion() != null) {
                eligibilityRules.add(p.eligibility().rulesVersion());
            }
            if (p.score() != null && p.score().rulesVersion() != null) {
                scoringRules.add(p.score().rulesVersion());
            }
        }
        if (apm != null && apm.rulesVersion() != null) {
            scoringRules.add(apm.rulesVersion());
        }
        return new ComputedFrom(participants.size(), offsets, apm == null ? null : apm.version(),
                List.copyOf(eligibilityRules), List.copyOf(scoringRules), rules.rulesVersion());
    }
}
