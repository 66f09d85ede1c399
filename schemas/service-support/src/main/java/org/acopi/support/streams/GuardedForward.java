package org.acopi.support.streams;

import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards a record only when what it carries beats what was last forwarded for the same state key, and remembers
 * it: the one way acopi topologies make duplicates, replays and late older versions change nothing downstream.
 * The caller says what is remembered (a version, or the value without its volatile parts) and when the incoming one
 * wins (newer, or different). Null values are not forwarded.
 *
 * @param <V> the record value
 * @param <S> what is remembered per state key
 */
public final class GuardedForward<V, S> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final Function<FixedKeyRecord<String, V>, String> stateKey;
    private final Function<V, S> remembered;
    private final BiPredicate<S, S> wins;
    private FixedKeyProcessorContext<String, V> context;
    private KeyValueStore<String, S> store;

    /**
     * @param storeName a key-value store of {@code S} connected to this processor
     * @param stateKey the store key of a record (often its record key)
     * @param remembered what to remember of a value
     * @param wins {@code (previous, incoming) -> forward?}; {@code previous} is null the first time
     */
    public GuardedForward(String storeName, Function<FixedKeyRecord<String, V>, String> stateKey, Function<V, S> remembered,
                          BiPredicate<S, S> wins) {
        this.storeName = storeName;
        this.stateKey = stateKey;
        this.remembered = remembered;
        this.wins = wins;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (record.value() == null) {
            return;
        }
        String key = stateKey.apply(record);
        S incoming = remembered.apply(record.value());
        if (wins.test(store.get(key), incoming)) {
            store.put(key, incoming);
            context.forward(record);
        }
    }
}
