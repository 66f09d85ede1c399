package org.acopi.eligibility.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.acopi.contracts.Identifiers;
import org.acopi.eligibility.domain.InputProblem;

/** Field readers of the participant inputs; each throws {@link BadRow} with a stable code and a reason without a TIN. */
final class Fields {

    private Fields() {
    }

    static String required(String column, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRow(InputProblem.MISSING_FIELD, column + " is empty");
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String tin(String column, String value) {
        String tin = required(column, value);
        if (!Identifiers.isTin(tin)) {
            throw new BadRow(InputProblem.INVALID_TIN, column + " is not a TIN (9 digits)");
        }
        return tin;
    }

    static String npi(String column, String value) {
        String npi = required(column, value);
        if (npi.length() != 10 || !npi.chars().allMatch(Character::isDigit)) {
            throw new BadRow(InputProblem.INVALID_NPI, column + " is not an NPI (10 digits)");
        }
        if (!Identifiers.isNpi(npi)) {
            throw new BadRow(InputProblem.INVALID_NPI, column + " fails the NPI check digit (Luhn over 80840)");
        }
        return npi;
    }

    static int performanceYear(String column, String value) {
        int py = integer(column, value);
        if (!Identifiers.isSupportedYear(py)) {
            throw new BadRow(InputProblem.UNSUPPORTED_PY, column + " " + py + " is not a supported performance year " + Identifiers.supportedYears());
        }
        return py;
    }

    static int integer(String column, String value) {
        String text = required(column, value);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRow(InputProblem.INVALID_VALUE, column + " '" + text + "' is not a whole number");
        }
    }

    static int snapshot(String column, String value) {
        int snapshot = integer(column, value);
        if (snapshot < 1 || snapshot > 4) {
            throw new BadRow(InputProblem.INVALID_SNAPSHOT, column + " " + snapshot + " is not an APM snapshot (1-4)");
        }
        return snapshot;
    }

    static boolean bool(String column, String value) {
        String text = required(column, value).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRow(InputProblem.INVALID_VALUE, column + " '" + value.strip() + "' is not true|false");
        };
    }

    static <E extends Enum<E>> E enumValue(String column, String value, Class<E> type) {
        String text = required(column, value);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRow(InputProblem.INVALID_VALUE, column + " '" + text + "' is not one of " + symbols(type));
        }
    }

    /** A {@code ;}-separated list of enum symbols; empty means none. */
    static <E extends Enum<E>> List<E> enumList(String column, String value, Class<E> type) {
        List<E> values = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String part : value.split(";")) {
            if (!part.isBlank()) {
                E symbol = enumValue(column, part, type);
                if (!values.contains(symbol)) {
                    values.add(symbol);
                }
            }
        }
        return values;
    }

    /** An ISO date (midnight UTC) or an ISO instant / offset date-time. */
    static Instant instant(String column, String value) {
        String text = required(column, value);
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new BadRow(InputProblem.INVALID_VALUE, column + " '" + text + "' is not an ISO date or instant");
        }
    }

    private static <E extends Enum<E>> String symbols(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("|"));
    }
}
