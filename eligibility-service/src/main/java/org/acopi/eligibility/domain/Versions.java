package org.acopi.eligibility.domain;

import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.RosterEntry;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Which of two versions of the same eligibility input wins, for every PY (design.md §5: idempotent and
 * order-tolerant). Roster entries and QPP facts: the higher APM snapshot, then the later timestamp (docs/pi-rules.md
 * §7.4: a later snapshot supersedes an earlier one); hardship decisions: the later decision; ACO profiles: the later
 * update. On an exact tie the record whose JSON form sorts last wins (the event id decides first where there is
 * one), whatever the arrival order; a duplicate changes nothing.
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
        int byTime = candidate.getRecordedAt().compareTo(current.getRecordedAt());
        return byTime != 0 ? (byTime > 0 ? candidate : current) : onTie(current, candidate);
    }

    public static ClinicianFacts newer(ClinicianFacts current, ClinicianFacts candidate) {
        if (current == null) {
            return candidate;
        }
        int bySnapshot = Integer.compare(candidate.getSnapshot(), current.getSnapshot());
        if (bySnapshot != 0) {
            return bySnapshot > 0 ? candidate : current;
        }
        int byTime = candidate.getAsOf().compareTo(current.getAsOf());
        return byTime != 0 ? (byTime > 0 ? candidate : current) : onTie(current, candidate);
    }

    public static HardshipDecision newer(HardshipDecision current, HardshipDecision candidate) {
        if (current == null) {
            return candidate;
        }
        int byTime = candidate.getDecidedAt().compareTo(current.getDecidedAt());
        return byTime != 0 ? (byTime > 0 ? candidate : current) : onTie(current, candidate);
    }

    public static AcoProfile newer(AcoProfile current, AcoProfile candidate) {
        if (current == null) {
            return candidate;
        }
        int byTime = candidate.getUpdatedAt().compareTo(current.getUpdatedAt());
        return byTime != 0 ? (byTime > 0 ? candidate : current) : onTie(current, candidate);
    }

    /**
     * Equal versions: the record whose JSON form (fields in schema order, the event id first where the record has one)
     * sorts last, so the winner does not depend on arrival order; an identical record keeps the current one.
     */
    private static <T extends SpecificRecordBase> T onTie(T current, T candidate) {
        return candidate.toString().compareTo(current.toString()) > 0 ? candidate : current;
    }
}
