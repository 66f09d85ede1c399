package org.acopi.eligibility.stream;

import java.util.List;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;

/**
 * What applies to every NPI of one TIN in one PY: the newest QPP facts record of any of its NPIs (which states the
 * TIN-level statuses, docs/pi-rules.md §7.2) and the newest whole-TIN hardship decision per basis ({@code {py}:{tin}:*}).
 */
record TinState(ClinicianFacts statuses, List<HardshipDecision> hardships) {

    static final TinState EMPTY = new TinState(null, List.of());

    TinState {
        hardships = hardships == null ? List.of() : List.copyOf(hardships);
    }

    TinState withStatuses(ClinicianFacts newest) {
        return new TinState(newest, hardships);
    }

    TinState withHardships(List<HardshipDecision> newest) {
        return new TinState(statuses, newest);
    }
}
