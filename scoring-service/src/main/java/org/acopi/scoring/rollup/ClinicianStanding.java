package org.acopi.scoring.rollup;

import java.util.List;

/**
 * What the clinician's MSSP PI eligibility determination says that matters for its final score and the APM entity
 * roll-up: its ACO, whether it is still on the roster, its eligibility reason codes, whether PI is reweighted for it,
 * whether CMS found its data compromised (docs/pi-rules.md §6.3, §7.3, §11.4 item 8), and the virtual group of its TIN
 * for the PY (null when the TIN is in none), whose score is one of its levels (§6.1).
 */
public record ClinicianStanding(String acoId, int performanceYear, String tin, String npi, boolean removed,
                                boolean reweighted, boolean dataCompromised, List<String> reasonCodes,
                                String virtualGroupId) {

    public ClinicianStanding {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        virtualGroupId = virtualGroupId == null || virtualGroupId.isBlank() ? null : virtualGroupId;
    }
}
