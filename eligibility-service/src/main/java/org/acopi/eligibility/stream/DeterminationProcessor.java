package org.acopi.eligibility.stream;

import java.util.ArrayList;
import java.util.List;
import org.acopi.contracts.EventKeys;
import org.acopi.eligibility.domain.EligibilityDecider;
import org.acopi.eligibility.domain.EligibilityInputs;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.HardshipDecisions;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.eligibility.domain.Versions;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.RosterEntry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every input of the TINs on this task's partition and re-decides exactly the TIN/NPIs an input concerns: a
 * roster, facts or own-hardship record its TIN/NPI; a change of the TIN's statuses or whole-TIN hardships the NPIs of
 * that TIN (a prefix scan of the TIN, never the ACO); a newer ACO profile, which reaches every partition, the NPIs of
 * that ACO held here (a prefix scan of the ACO index). A determination is forwarded only when it differs from the one
 * last published for the TIN/NPI, so duplicates, replays and older versions publish nothing.
 */
final class DeterminationProcessor implements Processor<String, EligibilityInput, String, ParticipantEligibility> {

    private final EligibilityRules rules;
    private final EligibilityDecider decider;
    private ProcessorContext<String, ParticipantEligibility> context;
    private KeyValueStore<String, ClinicianState> clinicians;
    private KeyValueStore<String, TinState> tins;
    private KeyValueStore<String, AcoProfile> profiles;
    private KeyValueStore<String, String> acoMembers;

    DeterminationProcessor(EligibilityRules rules) {
        this.rules = rules;
        this.decider = new EligibilityDecider(rules);
    }

    @Override
    public void init(ProcessorContext<String, ParticipantEligibility> context) {
        this.context = context;
        this.clinicians = context.getStateStore(EligibilityTopology.CLINICIANS_STORE);
        this.tins = context.getStateStore(EligibilityTopology.TINS_STORE);
        this.profiles = context.getStateStore(EligibilityTopology.ACO_PROFILES_STORE);
        this.acoMembers = context.getStateStore(EligibilityTopology.ACO_MEMBERS_STORE);
    }

    @Override
    public void process(Record<String, EligibilityInput> record) {
        EligibilityInput input = record.value();
        if (input.roster() != null) {
            roster(record, input.roster());
        } else if (input.facts() != null) {
            facts(record, input.facts());
        } else if (input.hardship() != null) {
            hardship(record, input.hardship());
        } else if (input.acoProfile() != null) {
            profile(record, input.acoProfile());
        }
    }

    private void roster(Record<String, EligibilityInput> record, RosterEntry entry) {
        String key = record.key();
        ClinicianState state = clinician(key);
        int deciding = rules.forYear(entry.getPerformanceYear()).decidingSnapshot();
        RosterPosition position = state.roster() == null ? RosterPosition.of(entry, deciding) : state.roster().with(entry, deciding);
        if (position.equals(state.roster())) {
            return;
        }
        Outcome outcome = evaluate(key, state, state.withRoster(position), tin(EventKeys.tin(entry.getPerformanceYear(), entry.getTin())));
        String previousAco = state.roster() == null ? null : state.roster().latest().getAcoId();
        if (!position.latest().getAcoId().equals(previousAco)) {
            if (previousAco != null) {
                acoMembers.delete(memberKey(previousAco, entry.getPerformanceYear(), key));
            }
            acoMembers.put(memberKey(position.latest().getAcoId(), entry.getPerformanceYear(), key), key);
        }
        apply(record, outcome);
    }

    private void facts(Record<String, EligibilityInput> record, ClinicianFacts facts) {
        ClinicianState stored = clinician(record.key());
        ClinicianState state = stored;
        ClinicianFacts newest = Versions.newer(state.facts(), facts);
        if (!newest.equals(state.facts())) {
            state = state.withFacts(newest);
        }
        String tinKey = EventKeys.tin(facts.getPerformanceYear(), facts.getTin());
        TinState tin = tin(tinKey);
        ClinicianFacts statuses = Versions.newer(tin.statuses(), facts);
        if (statuses.equals(tin.statuses())) {
            apply(record, evaluate(record.key(), stored, state, tin));
        } else if (tin.statuses() != null && statuses.getSnapshot() == tin.statuses().getSnapshot()
                && statuses.getTinSpecialStatuses().equals(tin.statuses().getTinSpecialStatuses())) {
            // a newer record restating the TIN's statuses of the same snapshot: no other NPI's determination changes
            TinState restated = tin.withStatuses(statuses);
            Outcome outcome = evaluate(record.key(), stored, state, restated);
            tins.put(tinKey, restated);
            apply(record, outcome);
        } else {
            updateTin(record, tinKey, tin.withStatuses(statuses), record.key(), state);
        }
    }

    private void hardship(Record<String, EligibilityInput> record, HardshipDecision decision) {
        String key = record.key();
        if (key.endsWith(":" + EventKeys.WHOLE_TIN)) {
            String tinKey = EventKeys.tin(decision.getPerformanceYear(), decision.getTin());
            TinState tin = tin(tinKey);
            List<HardshipDecision> newest = HardshipDecisions.with(tin.hardships(), decision);
            if (!newest.equals(tin.hardships())) {
                updateTin(record, tinKey, tin.withHardships(newest), null, null);
            }
            return;
        }
        ClinicianState state = clinician(key);
        List<HardshipDecision> newest = HardshipDecisions.with(state.hardships(), decision);
        if (!newest.equals(state.hardships())) {
            apply(record, evaluate(key, state, state.withHardships(newest),
                    tin(EventKeys.tin(decision.getPerformanceYear(), decision.getTin()))));
        }
    }

    private void profile(Record<String, EligibilityInput> record, AcoProfile profile) {
        String acoKey = EventKeys.acoYear(profile.getAcoId(), profile.getPerformanceYear());
        AcoProfile current = profiles.get(acoKey);
        AcoProfile newest = Versions.newer(current, profile);
        if (newest.equals(current)) {
            return;
        }
        profiles.put(acoKey, newest);
        List<String> members = new ArrayList<>();
        try (KeyValueIterator<String, String> it = acoMembers.prefixScan(acoKey + ":", Serdes.String().serializer())) {
            it.forEachRemaining(kv -> members.add(kv.value));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (String key : members) {
                ClinicianState state = clinician(key);
                RosterEntry latest = state.roster() == null ? null : state.roster().latest();
                // a prefix scan of "{acoId}:{py}:" also matches an ACO id that contains ':' after this one's: skip those
                if (latest != null && latest.getAcoId().equals(profile.getAcoId())
                        && latest.getPerformanceYear() == profile.getPerformanceYear()) {
                    outcomes.add(evaluate(key, state, state, tin(EventKeys.tin(latest.getPerformanceYear(), latest.getTin()))));
                }
            }
        } catch (RuntimeException e) {
            if (current == null) {
                profiles.delete(acoKey);
            } else {
                profiles.put(acoKey, current);
            }
            throw e;
        }
        outcomes.forEach(outcome -> apply(record, outcome));
    }

    /**
     * Re-decides every NPI of the TIN held here under its new state ({@code changedKey}'s own state replaced by
     * {@code changedState} when not null), then stores everything: all outcomes are computed before anything is
     * written, so a failure leaves no half-updated TIN.
     */
    private void updateTin(Record<String, EligibilityInput> record, String tinKey, TinState tin, String changedKey,
                           ClinicianState changedState) {
        List<Outcome> outcomes = new ArrayList<>();
        boolean changedSeen = false;
        try (KeyValueIterator<String, ClinicianState> it = clinicians.prefixScan(tinKey + ":", Serdes.String().serializer())) {
            while (it.hasNext()) {
                KeyValue<String, ClinicianState> npi = it.next();
                boolean changed = npi.key.equals(changedKey);
                changedSeen |= changed;
                outcomes.add(evaluate(npi.key, npi.value, changed ? changedState : npi.value, tin));
            }
        }
        if (changedKey != null && !changedSeen) {
            outcomes.add(evaluate(changedKey, ClinicianState.EMPTY, changedState, tin));
        }
        tins.put(tinKey, tin);
        outcomes.forEach(outcome -> apply(record, outcome));
    }

    /**
     * A TIN/NPI's state after a re-decision, whether it differs from the stored one, and the determination to publish
     * if it changed.
     */
    private record Outcome(String key, ClinicianState state, boolean changed, ParticipantEligibility publish) {
    }

    /**
     * Decides the TIN/NPI when it has a roster record, from {@code state} (its stored state {@code stored} with this
     * input applied; {@link ClinicianState#EMPTY} when none is stored); writes nothing.
     */
    private Outcome evaluate(String key, ClinicianState stored, ClinicianState state, TinState tin) {
        if (state.roster() == null) {
            return new Outcome(key, state, !state.equals(stored), null);
        }
        RosterEntry latest = state.roster().latest();
        List<HardshipDecision> hardships = new ArrayList<>(state.hardships());
        hardships.addAll(tin.hardships());
        AcoProfile profile = profiles.get(EventKeys.acoYear(latest.getAcoId(), latest.getPerformanceYear()));
        ParticipantEligibility determination = decider.decide(
                new EligibilityInputs(profile, state.roster(), state.facts(), tin.statuses(), hardships));
        if (determination.equals(state.published())) {
            return new Outcome(key, state, !state.equals(stored), null);
        }
        return new Outcome(key, state.withPublished(determination), true, determination);
    }

    /** Stores the outcome's state when it changed and publishes its determination, if any. */
    private void apply(Record<String, ?> record, Outcome outcome) {
        if (outcome.changed()) {
            clinicians.put(outcome.key(), outcome.state());
        }
        if (outcome.publish() != null) {
            context.forward(new Record<>(outcome.key(), outcome.publish(), record.timestamp()));
        }
    }

    private ClinicianState clinician(String key) {
        ClinicianState state = clinicians.get(key);
        return state == null ? ClinicianState.EMPTY : state;
    }

    private TinState tin(String tinKey) {
        TinState state = tins.get(tinKey);
        return state == null ? TinState.EMPTY : state;
    }

    private static String memberKey(String acoId, int performanceYear, String clinicianKey) {
        return EventKeys.acoYear(acoId, performanceYear) + ":" + clinicianKey;
    }
}
