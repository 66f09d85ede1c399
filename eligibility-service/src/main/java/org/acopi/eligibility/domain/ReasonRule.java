package org.acopi.eligibility.domain;

import java.util.List;
import org.acopi.events.ReweightingKind;

/**
 * One reason code of a PY's eligibility rules (pi-rules.md §7.3): whether it excludes the TIN/NPI from the Shared
 * Savings Program PI requirement, whether it also removes the MIPS PI obligation, which PI reweighting it stands for
 * when it decides, the codes it implies (ACO_ALL_FQHC implies FQHC_RHC_NOT_MIPS_EC, §7.3 row 2, §11.3) and the
 * sentence used in explanations. Its position in the PY's list is its precedence.
 */
public record ReasonRule(String code, boolean excluded, boolean mipsExcluded, ReweightingKind reweighting, List<String> implies,
                         String text) {

    public ReasonRule {
        implies = implies == null ? List.of() : List.copyOf(implies);
    }
}
