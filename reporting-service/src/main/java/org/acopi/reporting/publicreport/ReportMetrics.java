package org.acopi.reporting.publicreport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.acopi.reporting.participants.AcoYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-ACO gauges of the stored public reports (42 CFR 425.308(b)(9) operations view): TIN/NPIs required to report PI,
 * scored, and required but not scored. They read through to {@code public_reports}: {@link #refresh} loads every
 * stored report's counts (on a schedule, {@code acopi.reporting.metrics-refresh}) and removes the gauges of ACO/PYs no
 * longer stored; a report this instance stores sets its gauges at once. A value only ever moves to a later report
 * revision, so a slow read cannot undo a newer recompute. Tagged by {@code acoId} and {@code performanceYear} only,
 * never by a TIN or NPI.
 */
@Component
public class ReportMetrics {

    static final String REQUIRED = "acopi.reporting.clinicians.required";
    static final String SCORED = "acopi.reporting.clinicians.scored";
    static final String REQUIRED_NOT_SCORED = "acopi.reporting.clinicians.required.not.scored";

    private static final Logger log = LoggerFactory.getLogger(ReportMetrics.class);

    private final MeterRegistry registry;
    private final PublicReportRepository reports;
    private final Map<AcoYear, AcoGauges> gauges = new ConcurrentHashMap<>();
    private final AtomicLong refreshes = new AtomicLong();

    public ReportMetrics(MeterRegistry registry, PublicReportRepository reports) {
        this.registry = registry;
        this.reports = reports;
    }

    void record(PublicReport report, long revision) {
        PublicCounts counts = report.providersSuppliers();
        update(new GaugeValues(new AcoYear(report.acoId(), report.performanceYear()), revision, counts.required(),
                counts.scored(), counts.requiredNotScored()), refreshes.get());
    }

    /** Loads every stored report's counts into the gauges and removes the gauges of ACO/PYs no longer stored. */
    @Scheduled(fixedDelayString = "${acopi.reporting.metrics-refresh:30s}")
    public void refresh() {
        long refresh = refreshes.incrementAndGet();
        List<GaugeValues> stored;
        try {
            stored = reports.findGaugeValues();
        } catch (RuntimeException e) {
            log.warn("could not read the stored public reports into the gauges: {}", e.getMessage());
            return;
        }
        stored.forEach(values -> update(values, refresh));
        for (AcoYear acoYear : List.copyOf(gauges.keySet())) {
            gauges.computeIfPresent(acoYear, (key, acoGauges) -> {
                if (acoGauges.seenInRefresh < refresh) {
                    acoGauges.meters.forEach(registry::remove);
                    return null;
                }
                return acoGauges;
            });
        }
    }

    private void update(GaugeValues values, long refresh) {
        gauges.compute(values.acoYear(), (acoYear, existing) -> {
            AcoGauges acoGauges = existing == null ? register(acoYear) : existing;
            acoGauges.values.accumulateAndGet(values,
                    (held, next) -> held == null || next.revision() >= held.revision() ? next : held);
            acoGauges.seenInRefresh = Math.max(acoGauges.seenInRefresh, refresh);
            return acoGauges;
        });
    }

    private AcoGauges register(AcoYear acoYear) {
        AtomicReference<GaugeValues> holder = new AtomicReference<>();
        Tags tags = Tags.of("acoId", acoYear.acoId(), "performanceYear", Integer.toString(acoYear.performanceYear()));
        return new AcoGauges(holder, List.of(
                gauge(REQUIRED, "TIN/NPIs the Shared Savings Program requires to report PI", holder, tags, GaugeValues::required),
                gauge(SCORED, "TIN/NPIs with a PI score at any level", holder, tags, GaugeValues::scored),
                gauge(REQUIRED_NOT_SCORED, "required TIN/NPIs without a PI score yet", holder, tags,
                        GaugeValues::requiredNotScored)));
    }

    private Gauge gauge(String name, String description, AtomicReference<GaugeValues> holder, Tags tags,
                        ToIntFunction<GaugeValues> value) {
        return Gauge.builder(name, holder, h -> h.get() == null ? Double.NaN : value.applyAsInt(h.get()))
                .description(description).tags(tags).strongReference(true).register(registry);
    }

    /** The gauged counts of a stored report at a revision. */
    record GaugeValues(AcoYear acoYear, long revision, int required, int scored, int requiredNotScored) {
    }

    private static final class AcoGauges {
        private final AtomicReference<GaugeValues> values;
        private final List<Gauge> meters;
        private long seenInRefresh;

        private AcoGauges(AtomicReference<GaugeValues> values, List<Gauge> meters) {
            this.values = values;
            this.meters = meters;
        }
    }
}
