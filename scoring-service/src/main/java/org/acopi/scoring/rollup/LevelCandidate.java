package org.acopi.scoring.rollup;

import org.acopi.events.EntityType;

/** A PI category score a clinician could take, at one reporting level, and the submission it came from. */
public record LevelCandidate(EntityType level, double score, String submissionId, String submitter) {
}
