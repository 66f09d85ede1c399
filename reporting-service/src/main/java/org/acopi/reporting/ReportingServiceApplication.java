package org.acopi.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * reporting-service: keeps the MongoDB read models of MSSP ACOs' Promoting Interoperability obligations
 * (participants, public reports) from the determinations and scores on Kafka, and serves the public-reporting counts
 * of 42 CFR 425.308(b)(9) (PY2025+) as JSON, CSV and an HTML page an ACO can publish.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
