package io.github.sparselr.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of an ARFF header, split into tokens: quoted strings ('…' or "…", with backslash escapes read
 * by {@link ArffEscapes} in values),
 * the punctuation {@code { } ,} and bare words. A {@code %} outside quotes starts a comment that runs
 * to the end of the line, as in Weka's {@code weka/core/converters/ArffLoader.java} (its tokenizer's
 * comment character), so {@code @attribute label {-1,1} %{<=50K, >50K}} declares the values -1 and 1.
 *
 * <p>Every step consumes at least one character or fails with an {@link ArffFormatException} naming the
 * line, so a malformed header can neither loop nor index past the line.
 */
final class ArffHeaderLine {

    private final String text;
    private final String where;
    private int position;

    /**
     * @param text the line, without its end-of-line characters
     * @param where how errors name the line, e.g. "data.arff, line 3"
     */
    ArffHeaderLine(final String text, final String where) {
        this.text = text;
        this.where = where;
    }

    /** The keyword that starts the line (lower case, e.g. "@attribute"), or "" for a blank or comment line. */
    String keyword() {
        skipBlanks();
        final int start = position;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position))
            && text.charAt(position) != '%') {
            position++;
        }
        return text.substring(start, position).toLowerCase(Locale.ROOT);
    }

    /** The rest of the line after the keyword, without a comment, stripped (the relation's name). */
    String rest() throws ArffFormatException {
        final StringBuilder out = new StringBuilder();
        for (Token t = next(false); t != null; t = next(false)) {
            out.append(out.length() > 0 ? " " : "").append(t.text());
        }
        return out.toString();
    }

    /** Parses what follows {@code @attribute}: a name and a type. */
    ArffAttribute attribute() throws ArffFormatException {
        final Token name = next(false);
        if (name == null || name.punctuation()) {
            throw error("@attribute needs a name, then a type (numeric, real, integer, string or {value, ...})"
                + (name == null ? "" : "; found '" + name.text() + "'") + ".");
        }
        final Token type = next();
        if (type == null) {
            throw error("attribute '" + name.text() + "' has no type; give numeric, real, integer, string or "
                + "{value, ...}.");
        }
        final ArffAttribute attribute;
        if (type.is('{')) {
            attribute = new ArffAttribute(name.text(), ArffAttribute.Kind.NOMINAL, nominalValues(name.text()));
        } else {
            final String lower = type.punctuation() ? "" : type.text().toLowerCase(Locale.ROOT);
            switch (lower) {
                case "numeric":
                case "real":
                case "integer":
                    attribute = new ArffAttribute(name.text(), ArffAttribute.Kind.NUMERIC, List.of());
                    break;
                case "string":
                    attribute = new ArffAttribute(name.text(), ArffAttribute.Kind.STRING, List.of());
                    break;
                default:
                    throw error("attribute '" + name.text() + "' has the type '" + type.text() + "', which sparselr "
                        + "cannot read (numeric, real, integer, string and {nominal} are supported).");
            }
        }
        final Token extra = next();
        if (extra != null) {
            throw error("unexpected '" + extra.text() + "' after the type of attribute '" + name.text() + "'.");
        }
        return attribute;
    }

    /** The values of a nominal list, after its '{' and up to its '}'. */
    private List<String> nominalValues(final String attribute) throws ArffFormatException {
        final List<String> values = new ArrayList<>();
        while (true) {
            final Token value = next();
            if (value == null) {
                throw error("the value list of attribute '" + attribute + "' has no closing '}'.");
            }
            if (value.is('}') && values.isEmpty()) {
                return values;
            }
            if (value.punctuation()) {
                throw error("expected a value in the list of attribute '" + attribute + "', found '" + value.text()
                    + "' (quote values that contain { } , or %).");
            }
            values.add(value.text());
            final Token separator = next();
            if (separator == null) {
                throw error("the value list of attribute '" + attribute + "' has no closing '}'.");
            }
            if (separator.is('}')) {
                return values;
            }
            if (!separator.is(',')) {
                throw error("expected ',' or '}' after the value '" + value.text() + "' of attribute '" + attribute
                    + "', found '" + separator.text() + "'.");
            }
        }
    }

    /** A token: quoted text, a bare word, or one of { } , (punctuation). */
    private record Token(String text, boolean punctuation) {
        boolean is(final char c) {
            return punctuation && text.charAt(0) == c;
        }
    }

    /** The next token, or null at the end of the line or at a comment. */
    private Token next() throws ArffFormatException {
        return next(true);
    }

    /**
     * The next token; a quoted one's escapes are read only if {@code unescape}: liac-arff reads them in
     * values but keeps them in attribute and relation names ({@code _decode_attribute} only strips the
     * quotes), and so do we, so that a column has the name scikit-learn gives it.
     */
    private Token next(final boolean unescape) throws ArffFormatException {
        skipBlanks();
        if (position >= text.length() || text.charAt(position) == '%') {
            position = text.length();
            return null;
        }
        final char first = text.charAt(position);
        if (first == '{' || first == '}' || first == ',') {
            position++;
            return new Token(String.valueOf(first), true);
        }
        if (first == '\'' || first == '"') {
            final int start = position;
            position++;
            while (true) {
                if (position >= text.length()) {
                    throw error("the quote " + first + " opened at column " + (start + 1) + " is not closed.");
                }
                final char c = text.charAt(position++);
                if (c == first) {
                    final String body = text.substring(start + 1, position - 1);
                    return new Token(unescape ? ArffEscapes.unquote(body, where) : body, false);
                }
                if (c == '\\' && position < text.length()) {
                    position++; // an escaped character never closes the quote
                }
            }
        }
        final int start = position;
        while (position < text.length() && !isBoundary(text.charAt(position))) {
            position++;
        }
        final String word = text.substring(start, position);
        return new Token(word, false);
    }

    private static boolean isBoundary(final char c) {
        return Character.isWhitespace(c) || c == '{' || c == '}' || c == ',' || c == '%' || c == '\'' || c == '"';
    }

    private void skipBlanks() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private ArffFormatException error(final String what) {
        return new ArffFormatException(where + ": " + what);
    }
}
