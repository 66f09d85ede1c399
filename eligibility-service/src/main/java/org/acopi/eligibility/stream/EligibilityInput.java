package org.acopi.eligibility.stream;

import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.RosterEntry;

/** One validated input of the eligibility topology as it travels its internal topics: exactly one field is set. */
record EligibilityInput(RosterEntry roster, ClinicianFacts facts, HardshipDecision hardship, AcoProfile acoProfile) {

    static EligibilityInput of(RosterEntry entry) {
        return new EligibilityInput(entry, null, null, null);
    }

    static EligibilityInput of(ClinicianFacts facts) {
        return new EligibilityInput(null, facts, null, null);
    }

    static EligibilityInput of(HardshipDecision decision) {
        return new EligibilityInput(null, null, decision, null);
    }

    static EligibilityInput of(AcoProfile profile) {
        return new EligibilityInput(null, null, null, profile);
    }
}
