package org.acopi.scoring.rollup;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.acopi.events.EntityType;
import org.acopi.scoring.rules.ApmEntityRollupRules;

/**
 * How one rostered clinician enters its ACO's APM entity PI average (docs/pi-rules.md §6.3, §11.4 item 5): counted with the
 * highest of its individual, group and virtual group scores; counted as 0 when it has none and is not reweighted; left
 * out when PI is reweighted for it and it has no (usable) data; not part of the entity at all when it left the roster
 * or its eligibility reason is one the PY's rules name (not a MIPS eligible clinician on the participation list).
 */
public record RollupContribution(Participation participation, double score, boolean scored) {

    public enum Participation { COUNTED, LEFT_OUT_REWEIGHTED, NOT_PART_OF_ENTITY }

    public static final RollupContribution NOT_PART_OF_ENTITY =
            new RollupContribution(Participation.NOT_PART_OF_ENTITY, 0, false);
    public static final RollupContribution LEFT_OUT_REWEIGHTED =
            new RollupContribution(Participation.LEFT_OUT_REWEIGHTED, 0, false);

    /** {@code candidates} may hold any levels; the APM entity's own submission never counts for the roll-up. */
    public static RollupContribution of(ClinicianStanding standing, List<LevelCandidate> candidates,
                                        ApmEntityRollupRules rules) {
        if (standing.removed() || standing.reasonCodes().stream().anyMatch(rules.notPartOfEntity()::contains)) {
            return NOT_PART_OF_ENTITY;
        }
        Optional<LevelCandidate> best = standing.dataCompromised() ? Optional.empty() : candidates.stream()
                .filter(c -> c.level() != EntityType.APM_ENTITY)
                .max(Comparator.comparingDouble(LevelCandidate::score));
        if (best.isPresent()) {
            return new RollupContribution(Participation.COUNTED, best.get().score(), true);
        }
        if (standing.reweighted()) {
            return LEFT_OUT_REWEIGHTED;
        }
        return new RollupContribution(Participation.COUNTED, 0, false);
    }
}
