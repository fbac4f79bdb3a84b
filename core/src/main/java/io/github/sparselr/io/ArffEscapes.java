package io.github.sparselr.io;

/**
 * The backslash escapes of a quoted ARFF value, read exactly as liac-arff reads them (scikit-learn's
 * {@code sklearn/externals/_arff.py}, {@code _unquote} with {@code _ESCAPE_SUB_MAP} and
 * {@code _escape_sub_callback}): after a backslash come one to three digits (one digit is that
 * character code, two or three an octal code), {@code u} and four lower-case hexadecimal digits, or one
 * of {@code \ ' " t n r b f %}. Any other escape is an error, as in liac-arff ("Unsupported escape
 * sequence"), never a silently different value.
 */
final class ArffEscapes {

    private ArffEscapes() {
    }

    /**
     * The value of the text between a pair of quotes.
     *
     * @param body the characters between the quotes, escapes still in place
     * @param where how errors name the place, e.g. "data.arff, line 7"
     */
    static String unquote(final String body, final String where) throws ArffFormatException {
        final int backslash = body.indexOf('\\');
        if (backslash < 0) {
            return body;
        }
        final StringBuilder out = new StringBuilder(body.length());
        out.append(body, 0, backslash);
        int i = backslash;
        final int n = body.length();
        while (i < n) {
            final char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c); // a lone backslash at the end stays, as liac-arff's regular expression leaves it
                i++;
                continue;
            }
            final char e = body.charAt(i + 1);
            if (isDigit(e)) {
                int end = i + 2;
                while (end < n && end < i + 4 && isDigit(body.charAt(end))) {
                    end++;
                }
                final String digits = body.substring(i + 1, end);
                if (digits.length() == 1) {
                    out.append((char) (e - '0'));
                } else {
                    if (digits.indexOf('8') >= 0 || digits.indexOf('9') >= 0) {
                        throw unsupported(body.substring(i, end), body, where);
                    }
                    out.append((char) Integer.parseInt(digits, 8));
                }
                i = end;
            } else if (e == 'u' && i + 6 <= n && isLowerHex(body, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(body.substring(i + 2, i + 6), 16));
                i += 6;
            } else {
                final char value = switch (e) {
                    case '\\' -> '\\';
                    case '"' -> '"';
                    case '\'' -> '\'';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case '%' -> '%';
                    default -> throw unsupported(body.substring(i, i + 2), body, where);
                };
                out.append(value);
                i += 2;
            }
        }
        return out.toString();
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLowerHex(final String s, final int from, final int to) {
        for (int i = from; i < to; i++) {
            final char c = s.charAt(i);
            if (!isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static ArffFormatException unsupported(final String escape, final String body, final String where) {
        final String shown = body.length() <= 80 ? body : body.substring(0, 77) + "...";
        return new ArffFormatException(where + ": the quoted value '" + shown + "' contains the escape " + escape
            + ", which ARFF readers do not define (scikit-learn's liac-arff refuses it too); use \\\\ \\' \\\" \\t \\n "
            + "\\r \\b \\f \\%, a character code \\0 to \\9 or \\ooo (octal), or \\uXXXX (lower-case hex), or write "
            + "the character itself.");
    }
}
