package org.acopi.scoring.rollup;

import java.util.List;

/**
 * What the clinician's MSSP PI eligibility determination says that matters for its final score and the APM entity
 * roll-up: its ACO, whether it is still on the roster, its eligibility reason codes, whether PI is reweighted for it
 * and whether CMS found its data compromised (pi-rules.md §6.3, §7.3, §11.4 item 8).
 */
public record ClinicianStanding(String acoId, int performanceYear, String tin, String npi, boolean removed,
                                boolean reweighted, boolean dataCompromised, List<String> reasonCodes) {

    public ClinicianStanding {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    }
}
