package org.acopi.eligibility.stream;

import java.util.List;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.ParticipantEligibility;

/**
 * What the topology keeps of one TIN/NPI in one store record: its roster position (null until a roster record
 * arrives), its newest QPP facts, its own newest hardship decision per basis, and the determination last published
 * for it (so a re-evaluation that decides the same publishes nothing).
 */
record ClinicianState(RosterPosition roster, ClinicianFacts facts, List<HardshipDecision> hardships,
                      ParticipantEligibility published) {

    static final ClinicianState EMPTY = new ClinicianState(null, null, List.of(), null);

    ClinicianState {
        hardships = hardships == null ? List.of() : List.copyOf(hardships);
    }

    ClinicianState withRoster(RosterPosition position) {
        return new ClinicianState(position, facts, hardships, published);
    }

    ClinicianState withFacts(ClinicianFacts newest) {
        return new ClinicianState(roster, newest, hardships, published);
    }

    ClinicianState withHardships(List<HardshipDecision> newest) {
        return new ClinicianState(roster, facts, newest, published);
    }

    ClinicianState withPublished(ParticipantEligibility determination) {
        return new ClinicianState(roster, facts, hardships, determination);
    }
}
