package org.acopi.scoring.rollup;

import org.acopi.events.EntityType;

/**
 * A PI category score a clinician could take at one reporting level (individual, group, virtual group, APM entity;
 * docs/pi-rules.md §6.1 "highest of", §11.2), and the submission and submitter it came from.
 */
public record LevelCandidate(EntityType level, double score, String submissionId, String submitter) {
}
