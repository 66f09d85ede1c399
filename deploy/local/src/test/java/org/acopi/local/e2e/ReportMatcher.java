package org.acopi.local.e2e;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Compares a live public report with an expected one: every field the expectation names must match (numbers by value,
 * so 25 equals 25.0); count maps such as {@code excludedByReason} must match exactly, with no extra reasons.
 */
final class ReportMatcher {

    private ReportMatcher() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + " missing");
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path + " is not an object");
                return;
            }
            expected.propertyNames().forEach(name -> compare(path + "/" + name, expected.get(name), actual.get(name), out));
            if (path.endsWith("ByReason")) {
                actual.propertyNames().forEach(name -> {
                    if (!expected.has(name)) {
                        out.add(path + "/" + name + " unexpected: " + actual.get(name));
                    }
                });
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + " expected " + expected + " but was " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + " expected " + expected + " but was " + actual);
        }
    }
}
