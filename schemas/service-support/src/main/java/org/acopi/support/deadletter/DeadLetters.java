package org.acopi.support.deadletter;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.acopi.contracts.EventDecodingException;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.SingleObjectAvroSerde;
import org.acopi.contracts.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dead-letter convention of acopi (design.md §4, §5): a rejected record goes to {@code <topic>-dlt} with its
 * original key and bytes and these headers, is counted in {@value #DEAD_LETTERED_METRIC} tagged by topic and reason,
 * and is logged with its key masked. Used by the Streams handlers and by the spring-kafka recoverer alike.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "acopi.dlt.reason";
    public static final String MESSAGE_HEADER = "acopi.dlt.message";
    public static final String DETAILS_HEADER = "acopi.dlt.details";
    public static final String ORIGINAL_TOPIC_HEADER = "acopi.dlt.original.topic";
    public static final String ORIGINAL_PARTITION_HEADER = "acopi.dlt.original.partition";
    public static final String ORIGINAL_OFFSET_HEADER = "acopi.dlt.original.offset";
    /** Which consumer rejected the record (Streams application id or consumer group): an input read by two services
     * can be dead-lettered by each. */
    public static final String CONSUMER_HEADER = "acopi.dlt.consumer";

    /** Reason for a failure that is not a contract violation (a bug or an unexpected state). */
    public static final String REASON_PROCESSING_FAILED = "PROCESSING_FAILED";
    /** Reason for bytes the deserializer rejected without saying why. */
    public static final String REASON_UNDECODABLE = "UNDECODABLE";
    /** Reason for a record without a value (a tombstone): no acopi input or output is ever deleted that way. */
    public static final String REASON_MISSING_VALUE = "MISSING_VALUE";
    /**
     * Set instead of the value when the original value is over {@link SingleObjectAvroSerde#MAX_EVENT_BYTES} (reason
     * {@code OVERSIZE}): its size in bytes. The dead letter then has no value, so the dead-letter topic needs no larger
     * limits; the original stays in the source topic at the offset the headers name.
     */
    public static final String ORIGINAL_SIZE_HEADER = "acopi.dlt.original.size";

    public static final String DEAD_LETTERED_METRIC = "acopi.events.dead.lettered";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_MESSAGE = 1000;

    private DeadLetters() {
    }

    /** The stable reason code carried by an exception or any of its causes. */
    public static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException invalid) {
                return invalid.reasonCode();
            }
            if (t instanceof EventDecodingException decoding) {
                return decoding.reasonCode();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.SerializationException) {
                return REASON_UNDECODABLE;
            }
        }
        return REASON_PROCESSING_FAILED;
    }

    /** The message of the innermost acopi exception, else of the failure itself, with every TIN masked. */
    public static String messageOf(Throwable failure) {
        Throwable chosen = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof EventDecodingException) {
                chosen = t;
                break;
            }
        }
        String message = chosen == null || chosen.getMessage() == null ? String.valueOf(chosen) : chosen.getMessage();
        message = Identifiers.maskKey(message);
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    /** Details of an {@link InvalidEventException} in the chain, else none. */
    public static List<String> detailsOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException invalid) {
                return invalid.details();
            }
        }
        return List.of();
    }

    /** The headers that explain a dead letter; {@code consumer} (application id or group) may be null. */
    public static List<Header> headers(String consumer, String sourceTopic, int partition, long offset, Throwable failure) {
        List<Header> headers = new ArrayList<>();
        if (consumer != null) {
            headers.add(header(CONSUMER_HEADER, consumer));
        }
        headers.add(header(REASON_HEADER, reasonOf(failure)));
        headers.add(header(MESSAGE_HEADER, messageOf(failure)));
        List<String> details = detailsOf(failure);
        if (!details.isEmpty()) {
            headers.add(header(DETAILS_HEADER, String.join(",", details)));
        }
        headers.add(header(ORIGINAL_TOPIC_HEADER, sourceTopic));
        headers.add(header(ORIGINAL_PARTITION_HEADER, Integer.toString(partition)));
        headers.add(header(ORIGINAL_OFFSET_HEADER, Long.toString(offset)));
        return headers;
    }

    /** The dead-letter record for a rejected source record, counted and logged. */
    public static ProducerRecord<byte[], byte[]> deadLetter(String consumer, String sourceTopic, int partition, long offset,
                                                           byte[] key, byte[] value, Throwable failure) {
        record(sourceTopic, key == null ? null : new String(key, StandardCharsets.UTF_8), partition, offset, failure);
        List<Header> headers = headers(consumer, sourceTopic, partition, offset, failure);
        return new ProducerRecord<>(sourceTopic + Topic.DEAD_LETTER_SUFFIX, null, key, keptValue(value, headers), headers);
    }

    /** The value a dead letter carries: the original, or nothing (and its size in a header) when it is oversize. */
    public static byte[] keptValue(byte[] value, List<Header> headers) {
        if (value == null || value.length <= SingleObjectAvroSerde.MAX_EVENT_BYTES) {
            return value;
        }
        headers.add(header(ORIGINAL_SIZE_HEADER, Integer.toString(value.length)));
        return null;
    }

    /** Counts and logs a dead letter (without PII). */
    public static void record(String sourceTopic, String key, int partition, long offset, Throwable failure) {
        String reason = reasonOf(failure);
        Metrics.counter(DEAD_LETTERED_METRIC, "topic", sourceTopic, "reason", reason).increment();
        LOG.warn("dead-lettered {}-{}@{} key={} reason={}: {}", sourceTopic, partition, offset,
                Identifiers.maskKey(key), reason, messageOf(failure));
    }

    public static String headerValue(Iterable<Header> headers, String name) {
        String value = null;
        for (Header h : headers) {
            if (h.key().equals(name) && h.value() != null) {
                value = new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
