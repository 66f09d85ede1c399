package org.acopi.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (a 10-byte header: marker and the 64-bit Rabin fingerprint of the writer schema, then
 * the binary body) without a schema registry. Writers always use the current schema; readers resolve any schema that
 * acopi ever shipped: the current one and every historical version listed in {@code avro/history/index.txt}. Readers
 * refuse a value over {@value #MAX_EVENT_BYTES} bytes ({@code OVERSIZE}: no acopi event is that large, and a broker
 * with default limits refuses it anyway) and a string that is not UTF-8 ({@code UNDECODABLE_BODY}: Avro strings are
 * UTF-8, and Avro itself would silently replace the bad bytes).
 */
public final class SingleObjectAvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    public static final String REASON_BAD_HEADER = "UNDECODABLE_HEADER";
    public static final String REASON_UNKNOWN_SCHEMA = "UNKNOWN_SCHEMA_VERSION";
    public static final String REASON_BAD_BODY = "UNDECODABLE_BODY";
    public static final String REASON_OVERSIZE = "OVERSIZE";
    /** The largest event value acopi reads or writes: 1 MiB, the broker's default {@code message.max.bytes}. */
    public static final int MAX_EVENT_BYTES = 1024 * 1024;

    private static final List<Schema> HISTORY = loadHistory();

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public SingleObjectAvroSerde(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        for (Schema old : HISTORY) {
            if (old.getFullName().equals(current.getFullName())) {
                decoder.addSchema(old);
            }
        }
    }

    /** Every historical schema shipped with acopi (not including the current ones). */
    public static List<Schema> historicalSchemas() {
        return HISTORY;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + data.getSchema().getName() + " for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > MAX_EVENT_BYTES) {
            throw new EventDecodingException(REASON_OVERSIZE, "the value has " + data.length + " bytes, more than "
                    + MAX_EVENT_BYTES, null);
        }
        T event;
        try {
            event = decoder.decode(data);
        } catch (BadHeaderException e) {
            throw new EventDecodingException(REASON_BAD_HEADER, "not Avro single-object encoded: " + e.getMessage(), e);
        } catch (MissingSchemaException e) {
            throw new EventDecodingException(REASON_UNKNOWN_SCHEMA, "written with a schema acopi does not know: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(REASON_BAD_BODY, "body does not match its schema: " + e, e);
        }
        if (hasMalformedText(event)) {
            throw new EventDecodingException(REASON_BAD_BODY, "a string of the body is not UTF-8", null);
        }
        return event;
    }

    /** Whether a string anywhere in the datum holds U+FFFD, which is what Avro makes of bytes that are not UTF-8. */
    private static boolean hasMalformedText(Object datum) {
        if (datum instanceof CharSequence text) {
            return text.toString().indexOf('\uFFFD') >= 0;
        }
        if (datum instanceof IndexedRecord record) {
            for (int i = 0; i < record.getSchema().getFields().size(); i++) {
                if (hasMalformedText(record.get(i))) {
                    return true;
                }
            }
        } else if (datum instanceof Collection<?> items) {
            return items.stream().anyMatch(SingleObjectAvroSerde::hasMalformedText);
        } else if (datum instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> hasMalformedText(e.getKey()) || hasMalformedText(e.getValue()));
        }
        return false;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schemas ship with the class
    }

    @Override
    public void close() {
        // stateless
    }

    private static List<Schema> loadHistory() {
        List<Schema> schemas = new ArrayList<>();
        try (InputStream index = SingleObjectAvroSerde.class.getResourceAsStream("/avro/history/index.txt")) {
            if (index == null) {
                return List.of();
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                try (InputStream in = SingleObjectAvroSerde.class.getResourceAsStream("/avro/history/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("avro/history/" + file + " is listed but missing");
                    }
                    schemas.add(new Schema.Parser().parse(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(schemas);
    }
}
