package org.acopi.reporting.stream;

import org.acopi.reporting.publicreport.ContributionChange;
import org.acopi.reporting.publicreport.ReportTally;
import org.acopi.reporting.publicreport.TinTally;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per ACO and PY: {@link ReportTally#apply} of each change against the stored sums and the TIN's tally, in O(1).
 * Exactly-once commits both stores, their changelogs and the input offsets together, so a crash never applies a
 * change twice.
 */
final class ReportProcessor implements Processor<String, ContributionChange, Void, Void> {

    private KeyValueStore<String, ReportTally> tallies;
    private KeyValueStore<String, TinTally> tinTallies;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.tallies = context.getStateStore(ReportingTopology.TALLIES_STORE);
        this.tinTallies = context.getStateStore(ReportingTopology.TIN_TALLIES_STORE);
    }

    @Override
    public void process(Record<String, ContributionChange> record) {
        ContributionChange change = record.value();
        String tinKey = change.apmEntityScore() != null ? null
                : ReportTally.tinKey(record.key(), (change.now() != null ? change.now() : change.old()).tin());
        ReportTally.Applied applied = ReportTally.apply(tallies.get(record.key()),
                tinKey == null ? null : tinTallies.get(tinKey), change);
        if (applied.tally() == null) {
            return;
        }
        if (tinKey != null) {
            if (applied.tin().equals(TinTally.NONE)) {
                tinTallies.delete(tinKey);
            } else {
                tinTallies.put(tinKey, applied.tin());
            }
        }
        tallies.put(record.key(), applied.tally());
    }
}
