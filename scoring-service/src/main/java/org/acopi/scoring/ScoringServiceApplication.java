package org.acopi.scoring;

import org.acopi.scoring.rules.ScoringRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * scoring-service: scores MIPS Promoting Interoperability submissions under the CMS rules of their performance year
 * (docs/pi-rules.md §1–§5, PY2025 and PY2026), derives each MSSP ACO clinician's final PI score and the ACO's APM entity
 * PI score (§6, §11), publishes them on Kafka, and previews a submission's score over HTTP.
 */
@SpringBootApplication
public class ScoringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoringServiceApplication.class, args);
    }

    @Bean
    ScoringRules scoringRules() {
        return ScoringRules.fromClasspath();
    }
}
