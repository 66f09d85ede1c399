package org.acopi.eligibility.domain;

import java.util.List;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;

/**
 * Everything an MSSP PI reporting determination of one TIN/NPI depends on (docs/pi-rules.md §7.2): the ACO profile, the
 * clinician's place on the participation list, its QPP facts, the newest QPP facts statement about its TIN (whose
 * TIN-level special statuses apply to every NPI of the TIN) and the hardship decisions for the TIN/NPI or the whole TIN.
 *
 * @param acoProfile the ACO's profile for the PY, or null while none has arrived
 * @param roster     the participation-list position (required)
 * @param facts      the TIN/NPI's QPP facts, or null while none have arrived
 * @param tinFacts   the newest QPP facts of any NPI of the TIN, or null; every facts record states its TIN's current
 *                   TIN-level statuses (as QPP's eligibility data do), so the newest one decides them for the whole TIN,
 *                   an empty list included
 * @param hardships  hardship decisions for this TIN/NPI or its whole TIN, any status, oldest arrival first; only the
 *                   newest per level and basis counts ({@link HardshipDecisions})
 */
public record EligibilityInputs(AcoProfile acoProfile, RosterPosition roster, ClinicianFacts facts,
                                ClinicianFacts tinFacts, List<HardshipDecision> hardships) {

    public EligibilityInputs {
        if (roster == null) {
            throw new IllegalArgumentException("a determination needs a roster record");
        }
        hardships = hardships == null ? List.of() : HardshipDecisions.latestPerBasis(hardships);
    }
}
