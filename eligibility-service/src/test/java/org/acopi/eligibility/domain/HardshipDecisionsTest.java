package org.acopi.eligibility.domain;

import static org.acopi.eligibility.Fixtures.NPI_2;
import static org.acopi.eligibility.Fixtures.T0;
import static org.acopi.eligibility.Fixtures.hardship;
import static org.acopi.eligibility.Fixtures.tinHardship;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipStatus;
import org.junit.jupiter.api.Test;

/** The newest hardship decision per level, NPI and basis (docs/pi-rules.md §7.3 row 7), shared by the stream and the preview. */
class HardshipDecisionsTest {

    static final HardshipDecision INTERNET_APPROVED = hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED)
            .setEventId("h-1").build();
    static final HardshipDecision EHR_PENDING = hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING)
            .setEventId("h-2").setDecidedAt(T0.plusSeconds(60)).build();

    @Test
    void aDecisionOnAnotherBasisLeavesTheFirstStanding() {
        assertThat(HardshipDecisions.latestPerBasis(List.of(INTERNET_APPROVED, EHR_PENDING)))
                .containsExactly(INTERNET_APPROVED, EHR_PENDING);
    }

    @Test
    void theNewestDecisionOnABasisWinsWhateverTheArrivalOrder() {
        HardshipDecision denied = hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.DENIED).setEventId("h-3")
                .setDecidedAt(T0.plusSeconds(600)).build();
        assertThat(HardshipDecisions.latestPerBasis(List.of(INTERNET_APPROVED, denied))).containsExactly(denied);
        assertThat(HardshipDecisions.latestPerBasis(List.of(denied, INTERNET_APPROVED))).containsExactly(denied);
    }

    @Test
    void onAnExactTieTheGreaterEventIdWinsWhateverTheArrivalOrder() {
        HardshipDecision denied = hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.DENIED).setEventId("h-3").build();
        assertThat(HardshipDecisions.latestPerBasis(List.of(INTERNET_APPROVED, denied))).containsExactly(denied);
        assertThat(HardshipDecisions.latestPerBasis(List.of(denied, INTERNET_APPROVED))).containsExactly(denied);
    }

    @Test
    void levelsAndNpisAreKeptApartInAStableOrder() {
        HardshipDecision tin = tinHardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).build();
        HardshipDecision other = hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.DENIED).setNpi(NPI_2).build();
        List<HardshipDecision> all = new ArrayList<>(List.of(EHR_PENDING, tin, other, INTERNET_APPROVED));
        List<HardshipDecision> reduced = HardshipDecisions.latestPerBasis(all);
        assertThat(reduced).hasSize(4);
        Collections.reverse(all);
        assertThat(HardshipDecisions.latestPerBasis(all)).isEqualTo(reduced);
        assertThat(HardshipDecisions.with(reduced, EHR_PENDING)).as("a duplicate changes nothing").isEqualTo(reduced);
    }

    @Test
    void aWholeTinDecisionIsOneSlotPerBasisWhetherItsNpiIsNullOrStar() {
        HardshipDecision approved = tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.APPROVED).build();
        HardshipDecision denied = tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.DENIED)
                .setNpi("*").setDecidedAt(T0.plusSeconds(60)).build();
        assertThat(HardshipDecisions.latestPerBasis(List.of(approved, denied))).containsExactly(denied);
    }
}
