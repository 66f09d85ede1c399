package org.acopi.reporting.ingest;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.acopi.support.kafka.ListenerDeadLetters;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listeners' error handling: acopi's dead-lettering handler (service-support) for bad records and failures, except
 * while MongoDB is unreachable, when the batch is retried with backoff until it is reachable again: an outage of the
 * read-model store must delay the events, not dead-letter them (design.md §5: restarting loses nothing).
 */
@Configuration(proxyBeanMethods = false)
class KafkaListenerConfiguration {

    @Bean
    CommonErrorHandler reportingErrorHandler(KafkaProperties kafka) {
        DefaultErrorHandler deadLettering = ListenerDeadLetters.errorHandler(kafka.buildProducerProperties(),
                kafka.getConsumer().getGroupId());
        // each dead letter is already logged once, masked, by DeadLetters; the re-seek of the rest of the batch is routine
        deadLettering.setLogLevel(KafkaException.Level.DEBUG);
        CommonDelegatingErrorHandler handler = new CommonDelegatingErrorHandler(deadLettering);
        handler.setCauseChainTraversing(true);
        ExponentialBackOff untilMongoAnswers = new ExponentialBackOff(500, 2);
        untilMongoAnswers.setMaxInterval(30_000);
        DefaultErrorHandler waitForMongo = new DefaultErrorHandler(untilMongoAnswers);
        handler.addDelegate(MongoSocketException.class, waitForMongo);
        handler.addDelegate(MongoTimeoutException.class, waitForMongo);
        handler.addDelegate(MongoNotPrimaryException.class, waitForMongo);
        handler.addDelegate(MongoNodeIsRecoveringException.class, waitForMongo);
        return handler;
    }
}
