package org.acopi.eligibility;

import org.acopi.eligibility.domain.EligibilityDecider;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.InputValidator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * eligibility-service: decides, for every TIN/NPI on an MSSP ACO's participation list, whether the Shared Savings
 * Program requires it to report MIPS Promoting Interoperability (42 CFR 425.507; docs/pi-rules.md §7 and §11, PY2025 and
 * PY2026), publishes the determinations on {@code acopi.participant-eligibility.v1} and previews them over HTTP.
 */
@SpringBootApplication
public class EligibilityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EligibilityServiceApplication.class, args);
    }

    @Bean
    EligibilityRules eligibilityRules() {
        return EligibilityRules.load();
    }

    @Bean
    EligibilityDecider eligibilityDecider(EligibilityRules rules) {
        return new EligibilityDecider(rules);
    }

    @Bean
    InputValidator inputValidator(EligibilityRules rules) {
        return new InputValidator(rules);
    }
}
