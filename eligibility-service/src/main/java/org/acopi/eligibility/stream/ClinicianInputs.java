package org.acopi.eligibility.stream;

import java.util.ArrayList;
import java.util.List;
import org.acopi.eligibility.domain.EligibilityInputs;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;

/**
 * The joined inputs of one rostered TIN/NPI as they accumulate along the topology's joins; the hardship lists hold the
 * newest decision per basis for the TIN/NPI and for its whole TIN.
 */
record ClinicianInputs(RosterPosition roster, ClinicianFacts facts, List<HardshipDecision> clinicianHardships,
                       List<HardshipDecision> tinHardships, ClinicianFacts tinFacts, AcoProfile acoProfile) {

    ClinicianInputs {
        clinicianHardships = clinicianHardships == null ? List.of() : List.copyOf(clinicianHardships);
        tinHardships = tinHardships == null ? List.of() : List.copyOf(tinHardships);
    }

    static ClinicianInputs of(RosterPosition roster, ClinicianFacts facts) {
        return new ClinicianInputs(roster, facts, null, null, null, null);
    }

    ClinicianInputs withClinicianHardships(List<HardshipDecision> hardships) {
        return new ClinicianInputs(roster, facts, hardships, tinHardships, tinFacts, acoProfile);
    }

    ClinicianInputs withTinHardships(List<HardshipDecision> hardships) {
        return new ClinicianInputs(roster, facts, clinicianHardships, hardships, tinFacts, acoProfile);
    }

    ClinicianInputs withTinFacts(ClinicianFacts statement) {
        return new ClinicianInputs(roster, facts, clinicianHardships, tinHardships, statement, acoProfile);
    }

    ClinicianInputs withAcoProfile(AcoProfile profile) {
        return new ClinicianInputs(roster, facts, clinicianHardships, tinHardships, tinFacts, profile);
    }

    EligibilityInputs toDecisionInputs() {
        List<HardshipDecision> hardships = new ArrayList<>(clinicianHardships);
        hardships.addAll(tinHardships);
        return new EligibilityInputs(acoProfile, roster, facts, tinFacts, hardships);
    }
}
