package org.acopi.reporting.participants;

import java.util.List;
import java.util.Map;

/**
 * A TIN/NPI's MSSP PI reporting determination as eligibility-service decided it (42 CFR 425.507, docs/pi-rules.md §7.3,
 * PY2025+): whether the Shared Savings Program requires PI reporting, whether CMS enforces it, and why. The first
 * reason code is the deciding one.
 */
public record EligibilityPart(
        String acoId,
        String rosterStatus,
        String clinicianType,
        String qpStatus,
        boolean sspRequired,
        boolean sspEnforced,
        boolean mipsPiRequired,
        List<String> reasonCodes,
        String reweighting,
        boolean dataCompromised,
        boolean factsKnown,
        int snapshot,
        Map<String, String> inputVersions,
        String explanation,
        String rulesVersion,
        SourceVersion version) {

    public static final String ACTIVE = "ACTIVE";

    public EligibilityPart {
        reasonCodes = List.copyOf(reasonCodes);
        inputVersions = Map.copyOf(inputVersions);
        explanation = explanation == null ? "" : explanation;
    }

    public EligibilityPart withVersion(SourceVersion other) {
        return new EligibilityPart(acoId, rosterStatus, clinicianType, qpStatus, sspRequired, sspEnforced, mipsPiRequired,
                reasonCodes, reweighting, dataCompromised, factsKnown, snapshot, inputVersions, explanation, rulesVersion, other);
    }

    public boolean active() {
        return ACTIVE.equals(rosterStatus);
    }

    /** The deciding reason code (docs/pi-rules.md §7.3: first match wins). */
    public String decidingReason() {
        return reasonCodes.isEmpty() ? ParticipantStatus.UNSPECIFIED_REASON : reasonCodes.get(0);
    }
}
