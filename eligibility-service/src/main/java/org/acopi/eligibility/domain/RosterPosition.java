package org.acopi.eligibility.domain;

import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;

/**
 * A TIN/NPI's place on an ACO's participation list for a PY (42 CFR 425.118; docs/pi-rules.md §7.4, §11.3; PY2025 and
 * later): the newest roster record (highest APM snapshot, then latest recordedAt), which says which ACO lists the
 * TIN/NPI now and whether it is still listed, and the newest record from a snapshot up to the PY's deciding one
 * (Snapshot 3), which says whether it is subject to the SSP PI requirement at all. Records are keyed by TIN/NPI
 * without the ACO, so a clinician who moves between ACOs has one position; the deciding-snapshot record counts only
 * for the ACO that lists the clinician now. Keeping both records makes the outcome independent of the order in which
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

    /**
     * Whether the TIN/NPI is ACTIVE on the deciding-snapshot list (or the latest earlier one received) of the ACO whose
     * record is the newest: a deciding-snapshot record of another ACO does not count.
     */
    public boolean onDecidingSnapshotList() {
        return upToDecidingSnapshot != null && upToDecidingSnapshot.getStatus() == RosterStatus.ACTIVE
                && upToDecidingSnapshot.getAcoId().equals(latest.getAcoId());
    }

    public boolean removed() {
        return latest.getStatus() == RosterStatus.REMOVED;
    }

    /**
     * Whether the TIN/NPI was on its ACO's deciding-snapshot list and the newest record removes it at a later snapshot
     * (it left the ACO after the deciding snapshot, e.g. after August 31 for Snapshot 3).
     */
    public boolean removedAfterDecidingSnapshot(int decidingSnapshot) {
        return removed() && latest.getSnapshot() > decidingSnapshot && onDecidingSnapshotList();
    }
}
