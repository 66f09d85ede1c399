package org.acopi.eligibility.domain;

import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;

/**
 * A TIN/NPI's place on its ACO's participation list for a PY (42 CFR 425.118; pi-rules.md §7.4, §11.3; PY2025 and
 * later): the newest roster record (highest APM snapshot, then latest recordedAt), which says whether the TIN/NPI is
 * still listed, and the newest record from a snapshot up to the PY's deciding one (Snapshot 3), which says whether it
 * is subject to the SSP PI requirement at all. Keeping both makes the outcome independent of the order in which
 * snapshots arrive.
 *
 * @param latest             the newest roster record
 * @param upToDecidingSnapshot the newest record whose snapshot is at most the deciding snapshot, or null
 */
public record RosterPosition(RosterEntry latest, RosterEntry upToDecidingSnapshot) {

    public RosterPosition {
        if (latest == null) {
            throw new IllegalArgumentException("a roster position needs a roster record");
        }
    }

    /** The position made of a single roster record. */
    public static RosterPosition of(RosterEntry entry, int decidingSnapshot) {
        return new RosterPosition(entry, entry.getSnapshot() <= decidingSnapshot ? entry : null);
    }

    /** This position updated with another record of the same TIN/NPI; older or duplicate records change nothing. */
    public RosterPosition with(RosterEntry entry, int decidingSnapshot) {
        RosterEntry deciding = entry.getSnapshot() <= decidingSnapshot
                ? Versions.newer(upToDecidingSnapshot, entry) : upToDecidingSnapshot;
        return new RosterPosition(Versions.newer(latest, entry), deciding);
    }

    /** Whether the TIN/NPI is ACTIVE on the list as of the deciding snapshot (or the latest earlier one received). */
    public boolean onDecidingSnapshotList() {
        return upToDecidingSnapshot != null && upToDecidingSnapshot.getStatus() == RosterStatus.ACTIVE;
    }

    public boolean removed() {
        return latest.getStatus() == RosterStatus.REMOVED;
    }
}
