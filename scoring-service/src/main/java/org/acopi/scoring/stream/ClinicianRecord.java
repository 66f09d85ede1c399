package org.acopi.scoring.stream;

/**
 * What the per-TIN processor keeps of one rostered clinician: its standing with the best score of each level that
 * reaches it (from which its final score was last published) and the APM entity roll-up contribution it last sent,
 * which is what a later change subtracts (never a recomputation, so a rules redeploy cannot unbalance the sums).
 */
record ClinicianRecord(ClinicianLevels levels, RollupEntry contribution) {
}
