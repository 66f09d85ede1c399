package org.acopi.reporting.publicreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.reporting.publicreport.ComputedFrom.OffsetWatermark;

/**
 * The running sums behind one ACO's public report for a PY (42 CFR 425.308(b)(9), 425.507; docs/pi-rules.md §8, §11):
 * the sum of its TIN/NPIs' stored {@link ReportContribution}s, the sum of its TINs' {@link TinTally#outcome}s, the
 * ACO-exemption and enforcement tallies, the rules versions in use, its APM entity score, and the watermark of the
 * inputs it reflects (latest record time, highest offset per topic-partition). A change is applied as "take away the
 * stored old contribution, add the new one" ({@link #apply}); {@link #report} turns the sums into the report that
 * {@link PublicReportCalculator} computes from all participants at once (a property test holds them equal).
 * {@code revision} counts the changes applied.
 */
public record ReportTally(
        String acoId,
        int performanceYear,
        long revision,
        int participants,
        PublicCounts clinicians,
        PublicCounts tins,
        Map<String, Integer> acoExemptReasons,
        int requiredEnforced,
        Map<String, Integer> eligibilityRulesVersions,
        Map<String, Integer> scoringRulesVersions,
        ApmEntityScoreSummary apmEntityScore,
        Instant asOf,
        Map<String, Long> offsets) {

    public ReportTally {
        acoExemptReasons = sorted(acoExemptReasons);
        eligibilityRulesVersions = sorted(eligibilityRulesVersions);
        scoringRulesVersions = sorted(scoringRulesVersions);
        offsets = offsets == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
    }

    public static ReportTally empty(String acoId, int performanceYear) {
        return new ReportTally(acoId, performanceYear, 0, 0, PublicCounts.NONE, PublicCounts.NONE, Map.of(), 0, Map.of(),
                Map.of(), null, null, Map.of());
    }

    /**
     * The sums after a TIN/NPI of {@code tin} changed from {@code old} to {@code now} (either may be null: joined, left)
     * through the input record {@code input}; {@code tinBefore}/{@code tinAfter} are its TIN's tallies around it.
     */
    public ReportTally apply(ReportContribution old, ReportContribution now, TinTally tinBefore, TinTally tinAfter,
                             SourceVersion input) {
        Map<String, Integer> exempt = new TreeMap<>(acoExemptReasons);
        Map<String, Integer> eligibilityRules = new TreeMap<>(eligibilityRulesVersions);
        Map<String, Integer> scoringRules = new TreeMap<>(scoringRulesVersions);
        int enforced = requiredEnforced;
        int count = participants;
        PublicCounts clinicianCounts = clinicians;
        for (int sign : new int[] {-1, 1}) {
            ReportContribution c = sign < 0 ? old : now;
            if (c == null) {
                continue;
            }
            count += sign;
            clinicianCounts = clinicianCounts.plus(c.counts(), sign);
            c.acoExemptReasons().forEach(reason -> add(exempt, reason, sign));
            enforced += c.requiredEnforced() ? sign : 0;
            add(eligibilityRules, c.eligibilityRulesVersion(), sign);
            add(scoringRules, c.scoringRulesVersion(), sign);
        }
        PublicCounts tinCounts = tins.plus(tinBefore.outcome(), -1).plus(tinAfter.outcome(), 1);
        return new ReportTally(acoId, performanceYear, revision + 1, count, clinicianCounts, tinCounts, exempt, enforced,
                eligibilityRules, scoringRules, apmEntityScore, later(asOf, input), withOffset(offsets, input));
    }

    /** The key of a TIN's tally within an ACO's report: {@code {acoId}:{py}:{tin}}. */
    public static String tinKey(String acoKey, String tin) {
        return acoKey + ":" + tin;
    }

    /**
     * The report's sums and its TIN's tally after {@code change}, from the stored ones (null when none yet); for an APM
     * entity score that is not newer than the stored one, {@code tally} is null: nothing changes.
     */
    public static Applied apply(ReportTally stored, TinTally storedTin, ContributionChange change) {
        if (change.apmEntityScore() != null) {
            ApmEntityScoreSummary score = change.apmEntityScore();
            ReportTally base = stored != null ? stored : empty(score.acoId(), score.performanceYear());
            return new Applied(base.withApmEntityScore(score), null);
        }
        ReportContribution either = change.now() != null ? change.now() : change.old();
        ReportTally base = stored != null ? stored : empty(either.acoId(), either.performanceYear());
        TinTally before = storedTin == null ? TinTally.NONE : storedTin;
        TinTally after = before.plus(change.old(), -1).plus(change.now(), 1);
        return new Applied(base.apply(change.old(), change.now(), before, after, change.input()), after);
    }

    /** The outcome of {@link #apply(ReportTally, TinTally, ContributionChange)}: the new sums and the TIN's new tally. */
    public record Applied(ReportTally tally, TinTally tin) {
    }

    /** The sums with a newer APM entity score; an older or equal version changes nothing (null is returned). */
    public ReportTally withApmEntityScore(ApmEntityScoreSummary score) {
        if (apmEntityScore != null && !score.version().isNewerThan(apmEntityScore.version())) {
            return null;
        }
        return new ReportTally(acoId, performanceYear, revision + 1, participants, clinicians, tins, acoExemptReasons,
                requiredEnforced, eligibilityRulesVersions, scoringRulesVersions, score, later(asOf, score.version()), offsets);
    }

    /** The public report these sums stand for, under the PY's counting rules. */
    public PublicReport report(CountingRules rules) {
        String exemptReason = clinicians.activeRoster() == 0 ? null : rules.acoExemptReasons().stream()
                .filter(reason -> acoExemptReasons.getOrDefault(reason, 0) == clinicians.activeRoster())
                .findFirst().orElse(null);
        boolean enforced = exemptReason == null
                && (clinicians.required() == 0 ? rules.enforcedByDefault() : requiredEnforced > 0);
        List<OffsetWatermark> watermarks = new ArrayList<>();
        offsets.forEach((source, offset) -> {
            int slash = source.lastIndexOf('/');
            watermarks.add(new OffsetWatermark(source.substring(0, slash), Integer.parseInt(source.substring(slash + 1)), offset));
        });
        List<String> scoringVersions = new ArrayList<>(scoringRulesVersions.keySet());
        if (apmEntityScore != null && apmEntityScore.rulesVersion() != null && !scoringVersions.contains(apmEntityScore.rulesVersion())) {
            scoringVersions.add(apmEntityScore.rulesVersion());
            scoringVersions.sort(null);
        }
        return new PublicReport(acoId, performanceYear, enforced, exemptReason != null, exemptReason, clinicians, tins,
                apmEntityScore, asOf, new ComputedFrom(participants, watermarks,
                        apmEntityScore == null ? null : apmEntityScore.version(),
                        List.copyOf(eligibilityRulesVersions.keySet()), scoringVersions, rules.rulesVersion()));
    }

    private static void add(Map<String, Integer> counts, String key, int sign) {
        if (key != null) {
            counts.merge(key, sign, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private static Instant later(Instant asOf, SourceVersion input) {
        if (input == null || input.timestamp() == null) {
            return asOf;
        }
        return asOf == null || input.timestamp().isAfter(asOf) ? input.timestamp() : asOf;
    }

    private static Map<String, Long> withOffset(Map<String, Long> offsets, SourceVersion input) {
        if (input == null) {
            return offsets;
        }
        Map<String, Long> next = new TreeMap<>(offsets);
        next.merge(input.topic() + "/" + input.partition(), input.offset(), Math::max);
        return next;
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts) {
        return counts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
