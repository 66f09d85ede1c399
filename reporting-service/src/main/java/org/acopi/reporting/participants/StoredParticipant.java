package org.acopi.reporting.participants;

/** A participant as the reporting topology last stored it, and how many changes it has had (its revision). */
public record StoredParticipant(Participant participant, long revision) {
}
