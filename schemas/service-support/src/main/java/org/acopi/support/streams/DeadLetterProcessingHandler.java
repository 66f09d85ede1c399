package org.acopi.support.streams;

import java.util.List;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Routes a record whose processing threw to its source topic's {@code -dlt} with the original bytes and continues.
 * A topology validates at the edge by throwing {@link InvalidEventException} with a stable reason code; anything else
 * is dead-lettered as {@code PROCESSING_FAILED} rather than stopping the application.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private String applicationId;

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            // not traceable to a source record (punctuation): log and go on
            DeadLetters.record("unknown", null, context.partition(), context.offset(), exception);
            return Response.resume(List.of());
        }
        return Response.resume(List.of(DeadLetters.deadLetter(applicationId, context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), exception)));
    }

    @Override
    public void configure(java.util.Map<String, ?> configs) {
        applicationId = (String) configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }
}
