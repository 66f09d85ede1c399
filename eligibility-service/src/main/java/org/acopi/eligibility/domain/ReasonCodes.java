package org.acopi.eligibility.domain;

import org.acopi.events.HardshipBasis;
import org.acopi.events.SpecialStatus;

/**
 * The stable reason codes of an MSSP PI reporting determination (docs/pi-rules.md §7.3, §11.4; PY2025 and later). Their
 * precedence, texts and effects are per-PY rules data ({@code rules/py<year>/eligibility.json}); this class only names
 * them so that code and tests do not spell them twice. The first code of a determination is the deciding one.
 */
public final class ReasonCodes {

    /** The roster record was removed: the determination is withdrawn. */
    public static final String ROSTER_REMOVED = "ROSTER_REMOVED";
    /** The ACO is not an MSSP ACO (for example ACO REACH): 42 CFR 425.507 does not apply. */
    public static final String NOT_MSSP = "NOT_MSSP";
    public static final String ACO_ALL_FQHC = "ACO_ALL_FQHC";
    public static final String NOT_IN_SNAPSHOT3 = "NOT_IN_SNAPSHOT3";
    public static final String FQHC_RHC_NOT_MIPS_EC = "FQHC_RHC_NOT_MIPS_EC";
    public static final String NOT_MIPS_EC_TYPE = "NOT_MIPS_EC_TYPE";
    public static final String BELOW_LVT = "BELOW_LVT";
    public static final String REWEIGHT_PREFIX = "REWEIGHT_";
    public static final String REWEIGHT_APP_PREFIX = "REWEIGHT_APP_";
    public static final String REWEIGHT_SMALL_PRACTICE = "REWEIGHT_SMALL_PRACTICE";
    public static final String REWEIGHT_HOSPITAL_BASED = "REWEIGHT_HOSPITAL_BASED";
    public static final String REWEIGHT_ASC_BASED = "REWEIGHT_ASC_BASED";
    public static final String REWEIGHT_NON_PATIENT_FACING = "REWEIGHT_NON_PATIENT_FACING";
    public static final String REWEIGHT_AUTO_EUC = "REWEIGHT_AUTO_EUC";
    public static final String REWEIGHT_DATA_COMPROMISED = "REWEIGHT_DATA_COMPROMISED";
    /** A rostered TIN/NPI without QPP facts yet: presumed required (see the README). */
    public static final String FACTS_PENDING = "FACTS_PENDING";
    public static final String QP_SSP_ONLY = "QP_SSP_ONLY";
    public static final String PARTIAL_QP_SSP = "PARTIAL_QP_SSP";
    public static final String REQUIRED = "REQUIRED";

    private ReasonCodes() {
    }

    /** {@code REWEIGHT_<status>} for an automatic special status (§7.3 row 5). */
    public static String reweighting(SpecialStatus status) {
        return REWEIGHT_PREFIX + status.name();
    }

    /** {@code REWEIGHT_APP_<basis>} for an approved hardship application (§7.3 row 7). */
    public static String reweighting(HardshipBasis basis) {
        return REWEIGHT_APP_PREFIX + basis.name();
    }
}
