package org.acopi.support.streams;

import java.util.List;
import org.acopi.support.deadletter.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Log-and-continue for bytes that are not an acopi event, sending them to the source topic's {@code -dlt} with the
 * serde's stable reason code ({@code UNDECODABLE_HEADER}, {@code UNKNOWN_SCHEMA_VERSION}, {@code UNDECODABLE_BODY}).
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return Response.resume(List.of(DeadLetters.deadLetter(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), exception)));
    }
}
