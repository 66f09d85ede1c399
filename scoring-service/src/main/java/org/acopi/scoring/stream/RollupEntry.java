package org.acopi.scoring.stream;

import org.acopi.scoring.rollup.RollupContribution;

/** One clinician's contribution, re-keyed by its ACO and PY for the APM entity roll-up aggregate. */
record RollupEntry(String acoId, int performanceYear, RollupContribution contribution) {
}
