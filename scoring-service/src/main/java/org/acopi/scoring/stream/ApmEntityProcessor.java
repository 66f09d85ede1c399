package org.acopi.scoring.stream;

import org.acopi.events.ApmEntityScore;
import org.acopi.events.EntityType;
import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rules.ScoringRules;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The APM entity score of each {acoId}:{py} (docs/pi-rules.md §6.3): the running sums of its clinicians'
 * contributions, each change applied as sent (stored previous subtracted, new added: O(1), never a pass over the
 * ACO), and the ACO's own APM_ENTITY submission, which wins when there is one. A state that did not change publishes
 * nothing.
 */
final class ApmEntityProcessor implements Processor<String, ApmEntityChange, String, ApmEntityScore> {

    private final ScoringRules rules;
    private ProcessorContext<String, ApmEntityScore> context;
    private KeyValueStore<String, ApmEntityState> store;

    ApmEntityProcessor(ScoringRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, ApmEntityScore> context) {
        this.context = context;
        this.store = context.getStateStore(ScoringTopology.APM_ROLLUP_STORE);
    }

    @Override
    public void process(Record<String, ApmEntityChange> record) {
        ApmEntityState current = store.get(record.key());
        ApmEntityState next = (current == null ? new ApmEntityState(null, EntitySubmissionScores.empty()) : current)
                .with(record.value());
        if (next.equals(current)) {
            return;
        }
        store.put(record.key(), next);
        ApmEntityRollup rollup = next.rollup();
        if (rollup != null) {
            var year = rules.year(rollup.performanceYear());
            context.forward(record.withValue(EventMapping.apmEntityScore(rollup,
                    rollup.result(ClinicianLevels.candidate(EntityType.APM_ENTITY, next.submissions()), year.apmEntityRollup()),
                    year.rulesVersion())));
        }
    }
}
