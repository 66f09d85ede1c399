package org.acopi.scoring.rules;

/**
 * The value of one QPP measurement (docs/pi-rules.md §0.1): a yes/no attestation or a numerator/denominator proportion.
 * {@link Unreadable} keeps a value of any other JSON shape so that validation can report it (problem 105).
 */
public sealed interface MeasureValue permits MeasureValue.YesNo, MeasureValue.Ratio, MeasureValue.Unreadable {

    /** The value as text: {@code true}, {@code false}, {@code 49/115}. */
    String text();

    static MeasureValue yes() {
        return new YesNo(true);
    }

    static MeasureValue no() {
        return new YesNo(false);
    }

    static MeasureValue ratio(long numerator, long denominator) {
        return new Ratio(numerator, denominator);
    }

    /** A boolean measure's answer. */
    record YesNo(boolean yes) implements MeasureValue {
        @Override
        public String text() {
            return Boolean.toString(yes);
        }
    }

    /** A proportion measure's performance. */
    record Ratio(long numerator, long denominator) implements MeasureValue {
        @Override
        public String text() {
            return numerator + "/" + denominator;
        }
    }

    /** A value that is neither a boolean nor a numerator/denominator pair. */
    record Unreadable(String text) implements MeasureValue {
    }
}
