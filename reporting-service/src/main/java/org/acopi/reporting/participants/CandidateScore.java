package org.acopi.reporting.participants;

/** One PI category score a clinician could take, at one submission level (docs/pi-rules.md §11.2). */
public record CandidateScore(String level, double score, String submissionId, String submitter) {
}
