package org.acopi.scoring.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The PI measures of one performance year as CMS publishes them in qpp-measures-data (docs/pi-rules.md §1, MD25/MD26):
 * metric type, objective, and the {@code exclusion}, {@code substitutes} and {@code preprod} (engagement level) links
 * that validation and scoring follow.
 */
final class MeasureCatalogue {

    record MeasureDefinition(String id, String title, String objective, boolean proportion, boolean bonus,
                             List<String> exclusions, List<String> substitutes, List<String> engagementLevels) {
    }

    private final Map<String, MeasureDefinition> measures;
    private final Map<String, String> excludedMeasureByExclusion;

    private MeasureCatalogue(Map<String, MeasureDefinition> measures) {
        this.measures = Collections.unmodifiableMap(measures);
        Map<String, String> excluded = new HashMap<>();
        measures.values().forEach(m -> m.exclusions().forEach(ex -> excluded.put(ex, m.id())));
        this.excludedMeasureByExclusion = Collections.unmodifiableMap(excluded);
    }

    static MeasureCatalogue parse(JsonNode measuresData, String source) {
        if (!measuresData.isArray()) {
            throw new IllegalStateException(source + ": expected a JSON array of measures");
        }
        Map<String, MeasureDefinition> measures = new LinkedHashMap<>();
        for (JsonNode m : measuresData) {
            if (!"pi".equals(m.path("category").asString(""))) {
                continue;
            }
            String id = m.path("measureId").asString(null);
            String metricType = m.path("metricType").asString("");
            if (id == null || !(metricType.equals("proportion") || metricType.equals("boolean"))) {
                throw new IllegalStateException(source + ": measure " + id + " has metricType '" + metricType + "'");
            }
            measures.put(id, new MeasureDefinition(id, m.path("title").asString(id), m.path("objective").asString(null),
                    metricType.equals("proportion"), m.path("isBonus").asBoolean(false),
                    ids(m.path("exclusion")), ids(m.path("substitutes")), ids(m.path("preprod"))));
        }
        return new MeasureCatalogue(measures);
    }

    private static List<String> ids(JsonNode array) {
        if (!array.isArray()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(array.size());
        array.forEach(n -> ids.add(n.asString()));
        return List.copyOf(ids);
    }

    MeasureDefinition get(String measureId) {
        return measures.get(measureId);
    }

    boolean contains(String measureId) {
        return measures.containsKey(measureId);
    }

    /** The measure an exclusion id excludes, or null when the id is not an exclusion. */
    String measureExcludedBy(String exclusionId) {
        return excludedMeasureByExclusion.get(exclusionId);
    }

    int size() {
        return measures.size();
    }
}
