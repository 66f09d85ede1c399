package org.acopi.eligibility.domain;

import static org.acopi.eligibility.Fixtures.T0;
import static org.acopi.eligibility.Fixtures.aco;
import static org.acopi.eligibility.Fixtures.facts;
import static org.acopi.eligibility.Fixtures.hardship;
import static org.acopi.eligibility.Fixtures.roster;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipStatus;
import org.acopi.events.RosterEntry;
import org.acopi.events.SpecialStatus;
import org.junit.jupiter.api.Test;

/** Equal versions of an input go to the same record whichever arrives first (issue 11: never by arrival order). */
class VersionsTest {

    @Test
    void tiesAreBrokenByContentNotArrival() {
        RosterEntry r1 = roster(2026).setEventId("r-a").build();
        RosterEntry r2 = roster(2026).setEventId("r-b").build();
        assertThat(Versions.newer(r1, r2)).isSameAs(Versions.newer(r2, r1)).isSameAs(r2);

        ClinicianFacts f1 = facts(2026).build();
        ClinicianFacts f2 = facts(2026).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build();
        assertThat(Versions.newer(f1, f2)).isEqualTo(Versions.newer(f2, f1));

        HardshipDecision h1 = hardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.APPROVED).setEventId("h-1").build();
        HardshipDecision h2 = hardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.DENIED).setEventId("h-2").build();
        assertThat(Versions.newer(h1, h2)).isSameAs(Versions.newer(h2, h1)).isSameAs(h2);

        AcoProfile a1 = aco(2026).setAllFqhcRhc(true).build();
        AcoProfile a2 = aco(2026).setAllFqhcRhc(false).build();
        assertThat(Versions.newer(a1, a2)).isEqualTo(Versions.newer(a2, a1));
    }

    @Test
    void aLaterVersionStillWinsAndADuplicateKeepsTheCurrentRecord() {
        RosterEntry earlier = roster(2026).setEventId("r-z").build();
        RosterEntry later = roster(2026).setEventId("r-a").setRecordedAt(T0.plusSeconds(1)).build();
        assertThat(Versions.newer(earlier, later)).isSameAs(later);
        assertThat(Versions.newer(later, earlier)).isSameAs(later);
        RosterEntry copy = RosterEntry.newBuilder(later).build();
        assertThat(Versions.newer(later, copy)).isSameAs(later);
    }
}
