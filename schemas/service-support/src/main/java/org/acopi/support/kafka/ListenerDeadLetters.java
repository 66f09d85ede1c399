package org.acopi.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.EventDecodingException;
import org.acopi.contracts.Topic;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling of spring-kafka listeners by configuration: a {@link DefaultErrorHandler} whose recoverer publishes
 * to {@code <topic>-dlt} with acopi's reason headers; validation and decoding failures are not retried, anything else
 * is retried twice, then dead-lettered. Batch listeners call {@link #failOnUndecodable} first so that a bad record in
 * a batch is dead-lettered alone; the listener must have applied the records before it, because the error handler
 * commits everything ahead of the failed index.
 */
public final class ListenerDeadLetters {

    private ListenerDeadLetters() {
    }

    /** @param consumerGroup named in each dead letter's {@code acopi.dlt.consumer} header */
    public static DefaultErrorHandler errorHandler(Map<String, Object> producerConfig, String consumerGroup) {
        Map<String, Object> config = new java.util.HashMap<>(producerConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class);
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1)) {
            @Override
            protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                    TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
                List<Header> sizeHeader = new ArrayList<>();
                byte[] kept = DeadLetters.keptValue(value, sizeHeader);
                sizeHeader.forEach(headers::add);
                return super.createProducerRecord(record, topicPartition, headers, key, kept);
            }
        };
        recoverer.setHeadersFunction((record, ex) -> {
            DeadLetters.record(record.topic(), record.key() == null ? null : String.valueOf(record.key()),
                    record.partition(), record.offset(), unwrap(ex));
            return new RecordHeaders(DeadLetters.headers(consumerGroup, record.topic(), record.partition(), record.offset(), unwrap(ex)));
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
        // DeadLetters already logs one masked line per dead letter; spring's stack trace per seek is noise
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.DEBUG);
        handler.addNotRetryableExceptions(InvalidEventException.class, EventDecodingException.class,
                DeserializationException.class);
        return handler;
    }

    /**
     * The index of the first record of a batch whose value could not be decoded (spring-kafka's
     * ErrorHandlingDeserializer left it null with the failure in a header), or -1. Apply the records before it, then
     * throw {@link #undecodable}.
     */
    public static int firstUndecodable(List<? extends ConsumerRecord<?, ?>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<?, ?> record = records.get(i);
            if (record.value() == null && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The batch failure for the undecodable record at {@code index}. */
    public static BatchListenerFailedException undecodable(List<? extends ConsumerRecord<?, ?>> records, int index) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(records.get(index),
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        return new BatchListenerFailedException("undecodable record", failure, index);
    }

    /** Throws the batch failure for record {@code index} rejected by edge validation. */
    public static BatchListenerFailedException rejected(InvalidEventException failure, int index) {
        return new BatchListenerFailedException(failure.getMessage(), failure, index);
    }

    private static Throwable unwrap(Exception ex) {
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof InvalidEventException) && !(t instanceof EventDecodingException)
                && !(t instanceof DeserializationException && t.getCause() instanceof EventDecodingException)) {
            t = t.getCause();
        }
        return t;
    }
}
