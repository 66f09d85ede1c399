package org.acopi.support.streams;

import java.util.List;
import java.util.Map;
import org.acopi.support.deadletter.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Log-and-continue for bytes that are not an acopi event, sending them to the source topic's {@code -dlt} with the
 * serde's stable reason code ({@code UNDECODABLE_HEADER}, {@code UNKNOWN_SCHEMA_VERSION}, {@code UNDECODABLE_BODY}).
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private String applicationId;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        applicationId = (String) configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return Response.resume(List.of(DeadLetters.deadLetter(applicationId, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), exception)));
    }
}
