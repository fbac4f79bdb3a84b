package io.github.sparselr.io;

import java.math.BigDecimal;

/**
 * A CSV label column read as pandas' {@code read_csv} reads it, so that the classes are those scikit-learn
 * sees after {@code pd.read_csv}: a column whose every label is an integer becomes int64 (so "01" and
 * "1" are one class, "1"); a column whose every label is a number but not all integers becomes float64
 * (so "1" and "1.0" are one class, "1.0", printed as Python's {@code repr(float)}); any other column
 * keeps its labels as text.
 */
final class CsvLabels {

    private CsvLabels() {
    }

    /** Rewrites numeric labels in place as pandas would hold them; text labels stay as they are. */
    static void normalise(final String[] labels) {
        if (labels.length == 0) {
            return;
        }
        boolean integers = true;
        for (final String label : labels) {
            if (!ArffBytes.isDecimal(label)) {
                return; // pandas keeps an object column: the texts themselves
            }
            integers &= isLong(label);
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = integers ? Long.toString(Long.parseLong(labels[i])) : pythonRepr(Double.parseDouble(labels[i]));
        }
    }

    private static boolean isLong(final String s) {
        final int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false; // beyond int64: pandas falls back to float64
        }
    }

    /**
     * Python's {@code repr(float)}: the shortest digits, plain when the decimal exponent is from -4 to 15
     * ("0.0001", "1000.0"), else scientific with at least two exponent digits ("1e-05", "1.5e+16").
     */
    static String pythonRepr(final double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        final BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        final String digits = d.unscaledValue().abs().toString();
        final int exponent = digits.length() - 1 - d.scale(); // of the first digit
        final String sign = v < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            final String plain = d.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        final String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        final int e = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }
}
