package org.acopi.reporting.publicreport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.acopi.reporting.participants.AcoYear;
import org.springframework.stereotype.Component;

/**
 * Per-ACO gauges of the latest public report this instance stored (42 CFR 425.308(b)(9) operations view): TIN/NPIs
 * required to report PI, scored, and required but not scored. Tagged by {@code acoId} and {@code performanceYear}
 * only, never by a TIN or NPI.
 */
@Component
public class ReportMetrics {

    static final String REQUIRED = "acopi.reporting.clinicians.required";
    static final String SCORED = "acopi.reporting.clinicians.scored";
    static final String REQUIRED_NOT_SCORED = "acopi.reporting.clinicians.required.not.scored";

    private final MeterRegistry registry;
    private final Map<AcoYear, AtomicReference<PublicCounts>> latest = new ConcurrentHashMap<>();

    public ReportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(PublicReport report) {
        AcoYear acoYear = new AcoYear(report.acoId(), report.performanceYear());
        latest.computeIfAbsent(acoYear, this::register).set(report.providersSuppliers());
    }

    private AtomicReference<PublicCounts> register(AcoYear acoYear) {
        AtomicReference<PublicCounts> holder = new AtomicReference<>();
        Tags tags = Tags.of("acoId", acoYear.acoId(), "performanceYear", Integer.toString(acoYear.performanceYear()));
        gauge(REQUIRED, "TIN/NPIs the Shared Savings Program requires to report PI", holder, tags, PublicCounts::required);
        gauge(SCORED, "TIN/NPIs with a PI score at any level", holder, tags, PublicCounts::scored);
        gauge(REQUIRED_NOT_SCORED, "required TIN/NPIs without a PI score yet", holder, tags, PublicCounts::requiredNotScored);
        return holder;
    }

    private void gauge(String name, String description, AtomicReference<PublicCounts> holder, Tags tags,
                       ToIntFunction<PublicCounts> value) {
        Gauge.builder(name, holder, h -> h.get() == null ? Double.NaN : value.applyAsInt(h.get()))
                .description(description).tags(tags).strongReference(true).register(registry);
    }
}
