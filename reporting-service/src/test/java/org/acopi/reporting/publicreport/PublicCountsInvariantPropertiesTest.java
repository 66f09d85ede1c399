package org.acopi.reporting.publicreport;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.participant;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.acopi.contracts.ReasonCatalogue;
import org.acopi.contracts.ReasonCatalogue.Reason;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantStatus;

/**
 * The public counts of 42 CFR 425.308(b)(9) add up on any participant set (docs/pi-rules.md §8): the number that
 * earned a PI score (N1) is the number that met the requirement and were not excluded (N2) plus the number excluded
 * that voluntarily reported (N3), for ACO providers/suppliers (TIN/NPI) and ACO participants (TIN) alike, and a unit
 * whose deciding reason is outside the population that can earn a score never counts, whatever covers it.
 */
class PublicCountsInvariantPropertiesTest {

    private static final String ACO = "A1001";
    private static final List<String> LEVELS = List.of("INDIVIDUAL", "GROUP", "VIRTUAL_GROUP", "APM_ENTITY");

    /** One generated TIN/NPI: its reason codes (the first decides), roster status, score and data finding. */
    record Unit(int tin, List<String> reasons, boolean removed, boolean compromised, Double score, String level) {
    }

    @Property(tries = 300)
    void earnedEqualsMetPlusVoluntaryAtBothLevels(@ForAll("years") int py, @ForAll("units") List<Unit> units) {
        PublicReport report = PublicReportCalculator.compute(new AcoYear(ACO, py), participants(py, units), null);

        for (PublicCounts counts : List.of(report.providersSuppliers(), report.participants())) {
            assertThat(counts.earnedPiScore())
                    .isEqualTo(counts.metRequirementNotExcluded() + counts.excludedVoluntarilyReported());
        }
    }

    @Property(tries = 300)
    void aUnitOutsideThePopulationNeverEarnsAScore(@ForAll("years") int py, @ForAll("units") List<Unit> units) {
        CountingRules rules = CountingRules.forYear(py);
        List<Participant> participants = participants(py, units);
        for (Participant p : participants) {
            ParticipantStatus status = p.status(rules);
            if (status.counted() && !rules.isInsideEarnedScoreUniverse(status.decidingReason())) {
                assertThat(status.earnedPiScore()).as(status.decidingReason()).isFalse();
                assertThat(status.metRequirementNotExcluded() || status.excludedVoluntarilyReported()).isFalse();
                assertThat(status.notCountedNote() != null).isEqualTo(status.scored());
            }
        }
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.of(2025, 2026);
    }

    @Provide
    Arbitrary<List<Unit>> units() {
        List<String> codes = ReasonCatalogue.forYear(2026).codes(r -> !r.code().equals("ROSTER_REMOVED"));
        Arbitrary<List<String>> reasons = Arbitraries.of(codes).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<Double> score = Arbitraries.of(0.0, 45.0, 100.0).injectNull(0.4);
        return Combinators.combine(Arbitraries.integers().between(1, 4), reasons, Arbitraries.integers().between(0, 9).map(i -> i == 0),
                Arbitraries.of(true, false), score, Arbitraries.of(LEVELS))
                .as(Unit::new).list().ofMaxSize(25);
    }

    /** Participants as eligibility-service would describe them: required exactly when the deciding code does not exclude. */
    private static List<Participant> participants(int py, List<Unit> units) {
        ReasonCatalogue catalogue = ReasonCatalogue.forYear(py);
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            List<String> ordered = catalogue.ordered(u.reasons());
            Reason deciding = catalogue.reason(ordered.get(0));
            Fixtures.Eligibility eligibility = deciding.excluded()
                    ? eligibility(ACO).excluded(ordered.toArray(String[]::new))
                    : eligibility(ACO).required(ordered.get(0));
            if (u.removed()) {
                eligibility.removed();
            }
            if (u.compromised()) {
                eligibility.dataCompromised();
            }
            Fixtures.Score scoreFixture = u.score() == null ? score(ACO).notScored() : score(ACO).scored(u.score(), u.level());
            participants.add(participant(py, tin(u.tin()), npi(i + 1), eligibility, scoreFixture));
        }
        return participants;
    }
}
