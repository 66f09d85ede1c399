package org.acopi.eligibility.stream;

import java.util.ArrayList;
import java.util.List;
import org.acopi.eligibility.domain.EligibilityInputs;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;

/** The joined inputs of one rostered TIN/NPI as they accumulate along the topology's joins. */
record ClinicianInputs(RosterPosition roster, ClinicianFacts facts, HardshipDecision clinicianHardship,
                       HardshipDecision tinHardship, ClinicianFacts tinFacts, AcoProfile acoProfile) {

    static ClinicianInputs of(RosterPosition roster, ClinicianFacts facts) {
        return new ClinicianInputs(roster, facts, null, null, null, null);
    }

    ClinicianInputs withClinicianHardship(HardshipDecision hardship) {
        return new ClinicianInputs(roster, facts, hardship, tinHardship, tinFacts, acoProfile);
    }

    ClinicianInputs withTinHardship(HardshipDecision hardship) {
        return new ClinicianInputs(roster, facts, clinicianHardship, hardship, tinFacts, acoProfile);
    }

    ClinicianInputs withTinFacts(ClinicianFacts statement) {
        return new ClinicianInputs(roster, facts, clinicianHardship, tinHardship, statement, acoProfile);
    }

    ClinicianInputs withAcoProfile(AcoProfile profile) {
        return new ClinicianInputs(roster, facts, clinicianHardship, tinHardship, tinFacts, profile);
    }

    EligibilityInputs toDecisionInputs() {
        List<HardshipDecision> hardships = new ArrayList<>(2);
        if (clinicianHardship != null) {
            hardships.add(clinicianHardship);
        }
        if (tinHardship != null) {
            hardships.add(tinHardship);
        }
        return new EligibilityInputs(acoProfile, roster, facts, tinFacts, hardships);
    }
}
