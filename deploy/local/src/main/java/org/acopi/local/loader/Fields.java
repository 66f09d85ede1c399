package org.acopi.local.loader;

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

/** Field readers shared by the CSV and JSON parsers; each throws {@link BadRowException} with a PII-free reason. */
final class Fields {

    private Fields() {
    }

    static String required(String column, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRowException(column + " is empty");
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String tin(String column, String value) {
        String tin = required(column, value);
        if (!Identifiers.isTin(tin)) {
            throw new BadRowException(column + " is not a TIN (9 digits)");
        }
        return tin;
    }

    static String npi(String column, String value) {
        String npi = required(column, value);
        if (npi.length() != 10 || !npi.chars().allMatch(Character::isDigit)) {
            throw new BadRowException(column + " is not an NPI (10 digits)");
        }
        if (!Identifiers.isNpi(npi)) {
            throw new BadRowException(column + " fails the NPI check digit (Luhn over 80840)");
        }
        return npi;
    }

    static int performanceYear(String column, String value) {
        int py = integer(column, value);
        if (!Identifiers.isSupportedYear(py)) {
            throw new BadRowException(column + " " + py + " is not a supported performance year " + Identifiers.supportedYears());
        }
        return py;
    }

    static int integer(String column, String value) {
        String text = required(column, value);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRowException(column + " '" + text + "' is not a whole number");
        }
    }

    static int snapshot(String column, String value) {
        int snapshot = integer(column, value);
        if (snapshot < 1 || snapshot > 4) {
            throw new BadRowException(column + " " + snapshot + " is not an APM snapshot (1-4)");
        }
        return snapshot;
    }

    static boolean bool(String column, String value) {
        String text = required(column, value).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRowException(column + " '" + value.strip() + "' is not true|false");
        };
    }

    static <E extends Enum<E>> E enumValue(String column, String value, Class<E> type) {
        String text = required(column, value);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRowException(column + " '" + text + "' is not one of " + symbols(type));
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
            throw new BadRowException(column + " '" + text + "' is not an ISO date or instant");
        }
    }

    static LocalDate date(String column, String value) {
        String text = required(column, value);
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeException e) {
            throw new BadRowException(column + " '" + text + "' is not an RFC 3339 date (yyyy-mm-dd)");
        }
    }

    private static <E extends Enum<E>> String symbols(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("|"));
    }
}
