package org.acopi.scoring.stream;

import org.acopi.events.ClinicianScore;

/** What the per-TIN processor emits: a clinician's new final score, or a change for its ACO's roll-up. */
record TinOutput(ClinicianScore score, ApmEntityChange change) {
}
