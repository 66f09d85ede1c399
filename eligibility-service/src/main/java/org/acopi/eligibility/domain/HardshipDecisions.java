package org.acopi.eligibility.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.acopi.contracts.EventKeys;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;

/**
 * Which hardship decisions count (docs/pi-rules.md §7.3 row 7; PY2025 and later): the newest decision per level, NPI and
 * basis, by {@code decidedAt}; on an exact tie the one {@link Versions} prefers (the greater event id), whatever the
 * arrival order. A whole-TIN decision is one slot per basis whether its NPI is null or {@code *}.
 * A decision on one basis never replaces one on another: an approved INSUFFICIENT_INTERNET stays approved when a
 * DECERTIFIED_EHR application is filed. The stream's hardship table and the preview both reduce with this class.
 */
public final class HardshipDecisions {

    private static final Comparator<HardshipDecision> ORDER = Comparator
            .comparing(HardshipDecision::getLevel)
            .thenComparing(HardshipDecision::getNpi, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(HardshipDecision::getBasis);

    private HardshipDecisions() {
    }

    /** The newest decision per level/NPI/basis of {@code decisions} (oldest arrival first), in a stable order. */
    public static List<HardshipDecision> latestPerBasis(List<HardshipDecision> decisions) {
        List<HardshipDecision> latest = List.of();
        for (HardshipDecision decision : decisions) {
            latest = with(latest, decision);
        }
        return latest;
    }

    /** {@code current} (already reduced) updated with one more decision; an older or duplicate decision changes nothing. */
    public static List<HardshipDecision> with(List<HardshipDecision> current, HardshipDecision decision) {
        Map<List<Object>, HardshipDecision> byBasis = new LinkedHashMap<>();
        for (HardshipDecision d : current == null ? List.<HardshipDecision>of() : current) {
            byBasis.put(slot(d), d);
        }
        byBasis.merge(slot(decision), decision, Versions::newer);
        List<HardshipDecision> reduced = new ArrayList<>(byBasis.values());
        reduced.sort(ORDER);
        return List.copyOf(reduced);
    }

    private static List<Object> slot(HardshipDecision decision) {
        String npi = decision.getLevel() == HardshipLevel.TIN ? EventKeys.WHOLE_TIN : Objects.toString(decision.getNpi(), "");
        return List.of(decision.getLevel(), npi, decision.getBasis());
    }
}
