package io.github.sparselr.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an ARFF byte stream, each held whole in one buffer so that values are parsed in place by
 * index: numbers without creating strings, other values as strings (strict UTF-8: bytes that are not
 * UTF-8 are an error naming the line, never replacement characters). A UTF-8 byte-order mark at the
 * start is skipped. The buffer grows only with the bytes of a line actually read.
 */
final class ArffBytes {

    /** The largest array the JVM allocates reliably (as {@code java.util.ArrayList} assumes). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final InputStream in;
    private final String source;
    private byte[] buffer;
    private int limit;
    private int nextStart;
    private int position;
    private int lineStart;
    private int lineEnd;
    private int tokenStart;
    private int line;
    private boolean eof;
    private boolean started;

    /**
     * @param source how errors name the input, e.g. the file name
     * @param initialBuffer the buffer's first size in bytes; it doubles for longer lines
     */
    ArffBytes(final InputStream in, final String source, final int initialBuffer) {
        this.in = in;
        this.source = source;
        this.buffer = new byte[initialBuffer];
    }

    int line() {
        return line;
    }

    /** How errors name the input. */
    String source() {
        return source;
    }

    /** The current line for messages: "SOURCE, line N". */
    String where() {
        return source + ", line " + line;
    }

    /** An error at the current line: "SOURCE, line N: WHAT". */
    ArffFormatException error(final String what) {
        return new ArffFormatException(where() + ": " + what);
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean nextLine() throws IOException {
        if (!started) {
            started = true;
            refill();
            if (limit >= 3 && buffer[0] == (byte) 0xef && buffer[1] == (byte) 0xbb && buffer[2] == (byte) 0xbf) {
                nextStart = 3; // the byte-order mark Excel and Notepad write
            }
        }
        int scan = nextStart;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return startLine(i, i + 1);
                }
            }
            if (eof) {
                return nextStart < limit && startLine(limit, limit);
            }
            scan = limit - nextStart;
            refill();
        }
    }

    private boolean startLine(final int end, final int next) {
        position = nextStart;
        lineStart = nextStart;
        lineEnd = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
        nextStart = next;
        line++;
        return true;
    }

    /**
     * The longest line held: 256 MiB, or an eighth of the heap if that is less (at least 16 MiB), so that a
     * file of one endless line fails with an error naming the line instead of running the heap out of
     * memory (the buffer and its copy while doubling take three times the line).
     */
    static final int MAX_LINE = (int) Math.min(1L << 28, Math.max(1L << 24, Runtime.getRuntime().maxMemory() / 8));

    /** The buffer's next length: double, but at most {@code limit}; −1 if it cannot grow. */
    static int grownLength(final int length, final int limit) {
        return length >= limit ? -1 : (int) Math.min(limit, 2L * length);
    }

    /** Keeps the unread part of the buffer, grows it for a long line, and reads more. */
    private void refill() throws IOException {
        final int kept = limit - nextStart;
        if (nextStart == 0 && kept == buffer.length) {
            final int grown = grownLength(buffer.length, Math.max(MAX_LINE, buffer.length));
            if (grown < 0) {
                line++;
                throw error("the line is longer than " + (MAX_LINE >> 20) + " MiB (" + MAX_LINE + " bytes), the "
                    + "most sparselr holds for one line; check that the file is ARFF text with one row per line.");
            }
            buffer = Arrays.copyOf(buffer, grown);
        } else if (nextStart > 0) {
            System.arraycopy(buffer, nextStart, buffer, 0, kept);
        }
        nextStart = 0;
        limit = kept;
        final int n = in.readNBytes(buffer, limit, buffer.length - limit);
        limit += n;
        if (limit < buffer.length) {
            eof = true;
        }
    }

    /** The whole current line as text (strict UTF-8). */
    String lineText() throws ArffFormatException {
        return text(position, lineEnd);
    }

    boolean atEnd() {
        return position >= lineEnd;
    }

    int current() {
        return buffer[position] & 0xff;
    }

    void advance() {
        position++;
    }

    /** Skips blanks; false if the line ends. */
    boolean skipSpaces() {
        while (position < lineEnd && (buffer[position] == ' ' || buffer[position] == '\t')) {
            position++;
        }
        return position < lineEnd;
    }

    /** The token that starts at the current position, for error messages (at most 80 characters). */
    String tokenHere() {
        tokenStart = position;
        return tokenText();
    }

    /** The rest of the line from the current position, for error messages (at most 80 characters). */
    String restOfLine() {
        final int end = Math.min(lineEnd, position + 320);
        final String rest = new String(buffer, position, end - position, StandardCharsets.UTF_8).strip();
        return rest.length() <= 80 && end == lineEnd ? rest : rest.substring(0, Math.min(rest.length(), 77)) + "...";
    }

    /** The text of the last token read, for error messages (at most 80 characters). */
    String tokenText() {
        int end = Math.max(position, tokenStart);
        while (end < lineEnd && !isDelimiter(buffer[end])) {
            end++;
        }
        final String token = new String(buffer, tokenStart, Math.max(0, end - tokenStart), StandardCharsets.UTF_8);
        return token.length() <= 80 ? token : token.substring(0, 77) + "...";
    }

    private static boolean isDelimiter(final byte b) {
        return b == ',' || b == ' ' || b == '\t' || b == '}' || b == '%';
    }

    /** A sparse index: up to 10 digits; −1 if there are none or it exceeds an int. */
    int readIndex() {
        tokenStart = position;
        long v = 0;
        int digits = 0;
        while (position < lineEnd && buffer[position] >= '0' && buffer[position] <= '9' && digits < 10) {
            v = v * 10 + (buffer[position++] - '0');
            digits++;
        }
        return digits == 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /**
     * A number, or NaN if the token is not one. Up to 15 significant digits with at most 22 decimals
     * convert exactly as digits / 10^k (two exact doubles, one correctly rounded division: Clinger's
     * fast path); anything else goes to Double.parseDouble.
     */
    double readNumber() throws ArffFormatException {
        tokenStart = position;
        final byte[] b = buffer;
        final int end = lineEnd;
        int p = position;
        final byte first = b[p];
        if (first >= '0' && first <= '9') {
            // the common case, an unsigned integer of up to 15 digits: exact as a long
            long value = first - '0';
            int q = p + 1;
            while (q < end && q - p < 15 && b[q] >= '0' && b[q] <= '9') {
                value = value * 10 + (b[q++] - '0');
            }
            if (q == end || isDelimiter(b[q])) {
                position = q;
                return value;
            }
        }
        if (first == '\'' || first == '"') {
            return parseText(readValue());
        }
        final boolean negative = first == '-';
        if (first == '-' || first == '+') {
            p++;
        }
        long digits = 0;
        int significant = 0;
        int decimals = 0;
        boolean seenPoint = false;
        boolean any = false;
        boolean simple = true;
        for (; p < end; p++) {
            final byte c = b[p];
            if (c >= '0' && c <= '9') {
                any = true;
                if (significant < 15) {
                    digits = digits * 10 + (c - '0');
                    if (digits != 0) {
                        significant++;
                    }
                    if (seenPoint) {
                        decimals++;
                    }
                } else {
                    simple = false;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else if (isDelimiter(c)) {
                break;
            } else {
                simple = false;
            }
        }
        position = p;
        if (simple && any && decimals < POWERS_OF_TEN.length) {
            final double magnitude = decimals == 0 ? digits : digits / POWERS_OF_TEN[decimals];
            return negative ? -magnitude : magnitude;
        }
        return parseText(new String(b, tokenStart, p - tokenStart, StandardCharsets.ISO_8859_1));
    }

    private static double parseText(final String text) {
        final String t = text.strip();
        return isDecimal(t) ? Double.parseDouble(t) : Double.NaN;
    }

    /**
     * Whether a text is a decimal number, {@code [-+]?(digits[.digits?]|.digits)([eE][-+]?digits)?}, checked
     * in one pass (a regular expression with nested repetition backtracks quadratically on long tokens).
     */
    static boolean isDecimal(final String t) {
        int i = 0;
        final int n = t.length();
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
            mantissaDigits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            final int exponentStart = i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            if (i == exponentStart) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * A value: quoted with ' or " (backslash escapes read as liac-arff reads them, see {@link ArffEscapes}),
     * else up to a delimiter or the line end.
     */
    String readValue() throws ArffFormatException {
        tokenStart = position;
        if (position >= lineEnd) {
            return "";
        }
        final byte quote = buffer[position];
        if (quote == '\'' || quote == '"') {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final int opened = position;
            position++;
            while (true) {
                if (position >= lineEnd) {
                    throw error("the quote " + (char) quote + " opened at byte " + (opened - lineStart + 1)
                        + " is not closed on this line.");
                }
                final byte c = buffer[position++];
                if (c == quote) {
                    break;
                }
                bytes.write(c);
                if (c == '\\' && position < lineEnd) {
                    bytes.write(buffer[position++]); // escaped: kept for ArffEscapes, never a closing quote
                }
            }
            final byte[] value = bytes.toByteArray();
            return ArffEscapes.unquote(text(value, 0, value.length), where());
        }
        int p = position;
        boolean ascii = true;
        while (p < lineEnd && !isDelimiter(buffer[p])) {
            ascii &= buffer[p] >= 0;
            p++;
        }
        final String value = ascii ? new String(buffer, position, p - position, StandardCharsets.ISO_8859_1)
            : text(position, p);
        position = p;
        return value;
    }

    private String text(final int from, final int to) throws ArffFormatException {
        return text(buffer, from, to);
    }

    private String text(final byte[] bytes, final int from, final int to) throws ArffFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from))
                .toString();
        } catch (CharacterCodingException e) {
            throw error("the bytes are not UTF-8 text (ARFF files are UTF-8); convert the file to UTF-8, e.g. with "
                + "iconv -f ISO-8859-1 -t UTF-8.");
        }
    }
}
