package org.acopi.eligibility.domain;

import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.RosterEntry;

/**
 * Which of two versions of the same eligibility input wins, for every PY (design.md §5: idempotent and
 * order-tolerant). Roster entries and QPP facts: the higher APM snapshot, then the later timestamp (docs/pi-rules.md
 * §7.4: a later snapshot supersedes an earlier one); hardship decisions: the later decision; ACO profiles: the later
 * update. On an exact tie the record that arrived last wins, so a duplicate changes nothing.
 */
public final class Versions {

    private Versions() {
    }

    public static RosterEntry newer(RosterEntry current, RosterEntry candidate) {
        if (current == null) {
            return candidate;
        }
        int bySnapshot = Integer.compare(candidate.getSnapshot(), current.getSnapshot());
        if (bySnapshot != 0) {
            return bySnapshot > 0 ? candidate : current;
        }
        return candidate.getRecordedAt().isBefore(current.getRecordedAt()) ? current : candidate;
    }

    public static ClinicianFacts newer(ClinicianFacts current, ClinicianFacts candidate) {
        if (current == null) {
            return candidate;
        }
        int bySnapshot = Integer.compare(candidate.getSnapshot(), current.getSnapshot());
        if (bySnapshot != 0) {
            return bySnapshot > 0 ? candidate : current;
        }
        return candidate.getAsOf().isBefore(current.getAsOf()) ? current : candidate;
    }

    public static HardshipDecision newer(HardshipDecision current, HardshipDecision candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate.getDecidedAt().isBefore(current.getDecidedAt()) ? current : candidate;
    }

    public static AcoProfile newer(AcoProfile current, AcoProfile candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate.getUpdatedAt().isBefore(current.getUpdatedAt()) ? current : candidate;
    }
}
