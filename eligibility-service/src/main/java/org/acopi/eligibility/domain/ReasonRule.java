package org.acopi.eligibility.domain;

import org.acopi.events.ReweightingKind;

/**
 * One reason code of a PY's eligibility rules (pi-rules.md §7.3): whether it excludes the TIN/NPI from the Shared
 * Savings Program PI requirement, whether it also removes the MIPS PI obligation, which PI reweighting it stands for,
 * and the sentence used in explanations. Its position in the PY's list is its precedence.
 */
public record ReasonRule(String code, boolean excluded, boolean mipsExcluded, ReweightingKind reweighting, String text) {
}
