package io.github.sparselr.io;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A streaming ARFF reader that produces the engine's dense dataset: every attribute but the target
 * becomes a column (numbers as they are, nominal values as their index, as scikit-learn's
 * {@code fetch_openml} encodes them), and the target's values become the labels.
 *
 * <p>It reads bytes, not strings: the data section is tokenized in place, integers and short
 * decimals are converted without {@link Double#parseDouble} (exactly: Clinger's fast path), and
 * everything else falls back to it. Dense and sparse ({@code {index value, …}}) rows, quoted names
 * and values, {@code %} comments and {@code ?} for missing values are understood; a missing feature
 * becomes NaN, a missing target is an error. Errors name the line and the attribute.
 */
public final class ArffReader {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final ByteSource in;
    private final List<ArffAttribute> attributes = new ArrayList<>();
    private final List<Map<String, Integer>> nominalIndex = new ArrayList<>();
    private String relation = "";

    private ArffReader(final InputStream in) {
        this.in = new ByteSource(in);
    }

    /**
     * Reads a whole ARFF stream (already decompressed).
     *
     * @param target the target attribute's name, or null for the last nominal attribute
     * @param expectedRows how many rows to make room for (e.g. OpenML's NumberOfInstances), or 0
     * @param cancelled polled every few thousand rows; returning true stops with a
     *            {@link java.util.concurrent.CancellationException}
     */
    public static DenseDataset read(final InputStream in, final String target, final int expectedRows,
        final BooleanSupplier cancelled) throws IOException {
        final ArffReader reader = new ArffReader(in);
        reader.readHeader();
        return reader.readData(target, expectedRows, cancelled);
    }

    /** Reads only the header: the relation name and the attributes (for configure-time specs). */
    public static List<ArffAttribute> readHeader(final InputStream in) throws IOException {
        final ArffReader reader = new ArffReader(in);
        reader.readHeader();
        return List.copyOf(reader.attributes);
    }

    private void readHeader() throws IOException {
        while (true) {
            if (!in.nextLine()) {
                throw new ArffFormatException("The ARFF file ends before its @data section (line " + in.line() + ").");
            }
            final String trimmed = in.lineText().strip();
            if (trimmed.isEmpty() || trimmed.startsWith("%")) {
                continue;
            }
            final String keyword = trimmed.split("[\\s]", 2)[0].toLowerCase(Locale.ROOT);
            switch (keyword) {
                case "@relation":
                    relation = trimmed.substring(keyword.length()).strip();
                    break;
                case "@attribute":
                    parseAttribute(trimmed.substring(keyword.length()).strip());
                    break;
                case "@data":
                    if (attributes.isEmpty()) {
                        throw new ArffFormatException("Line " + in.line() + ": @data before any @attribute.");
                    }
                    return;
                default:
                    throw new ArffFormatException("Line " + in.line() + ": expected @relation, @attribute or @data, "
                        + "found '" + abbreviate(trimmed) + "'.");
            }
        }
    }

    private void parseAttribute(final String rest) throws ArffFormatException {
        final int[] position = {0};
        final String name = headerToken(rest, position);
        if (name == null) {
            throw new ArffFormatException("Line " + in.line() + ": @attribute without a name.");
        }
        final String type = rest.substring(position[0]).strip();
        final String lower = type.toLowerCase(Locale.ROOT);
        final ArffAttribute attribute;
        if (lower.equals("numeric") || lower.equals("real") || lower.equals("integer")) {
            attribute = new ArffAttribute(name, ArffAttribute.Kind.NUMERIC, List.of());
        } else if (lower.equals("string")) {
            attribute = new ArffAttribute(name, ArffAttribute.Kind.STRING, List.of());
        } else if (type.startsWith("{") && type.endsWith("}")) {
            final List<String> values = new ArrayList<>();
            final String inner = type.substring(1, type.length() - 1);
            final int[] p = {0};
            for (String v = headerToken(inner, p); v != null; v = headerToken(inner, p)) {
                values.add(v);
            }
            attribute = new ArffAttribute(name, ArffAttribute.Kind.NOMINAL, values);
        } else {
            throw new ArffFormatException("Line " + in.line() + ": attribute '" + name + "' has the type '" + type
                + "', which sparselr cannot read (numeric, real, integer, string and {nominal} are supported).");
        }
        final Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < attribute.nominalValues().size(); i++) {
            index.put(attribute.nominalValues().get(i), i);
        }
        attributes.add(attribute);
        nominalIndex.add(index);
    }

    /** The next name or value of a header line: quoted ('…' or "…") or up to whitespace or a comma. */
    private static String headerToken(final String s, final int[] position) {
        int i = position[0];
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
            i++;
        }
        if (i >= s.length()) {
            position[0] = i;
            return null;
        }
        final char first = s.charAt(i);
        final StringBuilder out = new StringBuilder();
        if (first == '\'' || first == '"') {
            i++;
            while (i < s.length() && s.charAt(i) != first) {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                out.append(s.charAt(i++));
            }
            i++;
        } else {
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ',' && s.charAt(i) != '{') {
                out.append(s.charAt(i++));
            }
        }
        position[0] = i;
        return out.toString();
    }

    private DenseDataset readData(final String target, final int expectedRows, final BooleanSupplier cancelled)
        throws IOException {
        final int targetIndex = targetIndex(target);
        final int cols = attributes.size() - 1;
        final List<String> names = new ArrayList<>(cols);
        final int[] column = new int[attributes.size()];
        for (int a = 0, c = 0; a < attributes.size(); a++) {
            if (a == targetIndex) {
                column[a] = -1;
                continue;
            }
            if (attributes.get(a).kind() == ArffAttribute.Kind.STRING) {
                throw new ArffFormatException("Attribute '" + attributes.get(a).name() + "' holds strings; only the "
                    + "target may be a string attribute. Choose it as the target or remove it.");
            }
            names.add(attributes.get(a).name());
            column[a] = c++;
        }
        final ArffAttribute targetAttribute = attributes.get(targetIndex);
        final RowSink rows = new RowSink(cols, Math.max(expectedRows, 16));
        final double[] row = new double[cols];
        final boolean[] filled = new boolean[attributes.size()];
        final boolean[] numeric = new boolean[attributes.size()];
        for (int a = 0; a < numeric.length; a++) {
            numeric[a] = a != targetIndex && attributes.get(a).kind() == ArffAttribute.Kind.NUMERIC;
        }
        while (in.nextLine()) {
            if (!in.skipSpaces() || in.current() == '%') {
                continue; // blank or comment line
            }
            if (rows.count % 4096 == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("Reading the ARFF data was cancelled at line "
                    + in.line() + ".");
            }
            final String label = in.current() == '{' ? readSparseRow(row, column, targetIndex, filled)
                : readDenseRow(row, column, targetIndex, numeric);
            if (label == null) {
                throw new ArffFormatException("Line " + in.line() + ": the target '" + targetAttribute.name()
                    + "' is missing ('?'); every row needs a class.");
            }
            rows.add(row, label);
        }
        return DenseDataset.of(rows.values(), rows.count, names, rows.labels(), targetAttribute.name());
    }

    private int targetIndex(final String target) throws ArffFormatException {
        if (target != null) {
            for (int a = 0; a < attributes.size(); a++) {
                if (attributes.get(a).name().equals(target)) {
                    if (attributes.get(a).kind() == ArffAttribute.Kind.NUMERIC) {
                        throw new ArffFormatException("The target '" + target + "' is numeric; classification needs a "
                            + "nominal or string target.");
                    }
                    return a;
                }
            }
            throw new ArffFormatException("The ARFF file has no attribute '" + target + "' to use as the target; "
                + "its attributes end with " + lastNames() + ".");
        }
        for (int a = attributes.size() - 1; a >= 0; a--) {
            if (attributes.get(a).kind() == ArffAttribute.Kind.NOMINAL) {
                return a;
            }
        }
        throw new ArffFormatException("The ARFF file has no nominal attribute to use as the target; name the target.");
    }

    private String lastNames() {
        final List<String> last = new ArrayList<>();
        for (int a = Math.max(0, attributes.size() - 3); a < attributes.size(); a++) {
            last.add("'" + attributes.get(a).name() + "'");
        }
        return String.join(", ", last);
    }

    private String readDenseRow(final double[] row, final int[] column, final int targetIndex,
        final boolean[] numeric) throws IOException {
        String label = null;
        final int n = attributes.size();
        for (int a = 0; a < n; a++) {
            if (a > 0) {
                if (!in.skipSpaces() || in.current() != ',') {
                    throw new ArffFormatException("Line " + in.line() + ": the row ends after " + a + " values, but "
                        + "there are " + n + " attributes (missing '" + attributes.get(a).name() + "').");
                }
                in.advance();
            }
            in.skipSpaces();
            if (numeric[a]) {
                row[column[a]] = numberValue(a);
            } else if (a == targetIndex) {
                label = targetValue(a);
            } else {
                row[column[a]] = nominalValue(a);
            }
        }
        if (in.skipSpaces() && in.current() != '%') {
            throw new ArffFormatException("Line " + in.line() + ": the row has more than " + n + " values.");
        }
        return label;
    }

    private String readSparseRow(final double[] row, final int[] column, final int targetIndex, final boolean[] filled)
        throws IOException {
        java.util.Arrays.fill(row, 0.0);
        java.util.Arrays.fill(filled, false);
        String label = null;
        in.advance(); // '{'
        while (true) {
            if (!in.skipSpaces()) {
                throw new ArffFormatException("Line " + in.line() + ": the sparse row has no closing '}'.");
            }
            if (in.current() == '}') {
                break;
            }
            final int a = in.readIndex();
            if (a < 0 || a >= attributes.size()) {
                throw new ArffFormatException("Line " + in.line() + ": sparse index " + in.tokenText()
                    + " is outside 0.." + (attributes.size() - 1) + ".");
            }
            in.skipSpaces();
            if (a == targetIndex) {
                label = targetValue(a);
                if (label == null) {
                    return null;
                }
            } else if (attributes.get(a).kind() == ArffAttribute.Kind.NUMERIC) {
                row[column[a]] = numberValue(a);
            } else {
                row[column[a]] = nominalValue(a);
            }
            filled[a] = true;
            if (in.skipSpaces() && in.current() == ',') {
                in.advance();
            }
        }
        if (!filled[targetIndex]) {
            // an omitted sparse value is 0: for a nominal target, its first value
            final ArffAttribute t = attributes.get(targetIndex);
            return t.kind() == ArffAttribute.Kind.NOMINAL && !t.nominalValues().isEmpty() ? t.nominalValues().get(0) : "0";
        }
        return label;
    }

    private double numberValue(final int a) throws IOException {
        if (in.atEnd()) {
            throw new ArffFormatException("Line " + in.line() + ": no value for attribute '" + attributes.get(a).name()
                + "'.");
        }
        if (in.current() == '?') {
            in.advance();
            return Double.NaN;
        }
        final double v = in.readNumber();
        if (Double.isNaN(v)) {
            throw new ArffFormatException("Line " + in.line() + ", attribute '" + attributes.get(a).name() + "': '"
                + in.tokenText() + "' is not a number.");
        }
        return v;
    }

    private double nominalValue(final int a) throws IOException {
        if (!in.atEnd() && in.current() == '?') {
            in.advance();
            return Double.NaN;
        }
        final String value = in.readValue();
        final Integer index = nominalIndex.get(a).get(value);
        if (index == null) {
            throw new ArffFormatException("Line " + in.line() + ", attribute '" + attributes.get(a).name() + "': '"
                + value + "' is not one of its declared values "
                + abbreviate(attributes.get(a).nominalValues().toString()) + ".");
        }
        return index;
    }

    private String targetValue(final int a) throws IOException {
        if (!in.atEnd() && in.current() == '?') {
            in.advance();
            return null;
        }
        final ArffAttribute attribute = attributes.get(a);
        if (attribute.kind() == ArffAttribute.Kind.NOMINAL) {
            // one String instance per class: the declared value
            return attribute.nominalValues().get((int) nominalValue(a));
        }
        return in.readValue();
    }

    public String relation() {
        return relation;
    }

    private static String abbreviate(final String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /**
     * Rows collected row-major: into one array of the expected size, or, past it, into blocks that are
     * joined once at the end (no repeated copying of a growing array).
     */
    private static final class RowSink {
        private static final int BLOCK_ROWS = 4096;
        private final int cols;
        private final double[] first;
        private final int firstRows;
        private final List<double[]> blocks = new ArrayList<>();
        private String[] labels;
        private int count;

        RowSink(final int cols, final int expectedRows) {
            this.cols = cols;
            this.firstRows = expectedRows;
            this.first = new double[cols * expectedRows];
            this.labels = new String[expectedRows];
        }

        void add(final double[] row, final String label) {
            if (count < firstRows) {
                System.arraycopy(row, 0, first, count * cols, cols);
            } else {
                final int extra = count - firstRows;
                if (extra % BLOCK_ROWS == 0) {
                    blocks.add(new double[BLOCK_ROWS * cols]);
                }
                System.arraycopy(row, 0, blocks.get(extra / BLOCK_ROWS), (extra % BLOCK_ROWS) * cols, cols);
            }
            if (count == labels.length) {
                labels = java.util.Arrays.copyOf(labels, labels.length + (labels.length >> 1) + 16);
            }
            labels[count++] = label;
        }

        double[] values() {
            if (count == firstRows) {
                return first;
            }
            final double[] all = new double[count * cols];
            System.arraycopy(first, 0, all, 0, Math.min(count, firstRows) * cols);
            for (int b = 0, row = firstRows; row < count; b++, row += BLOCK_ROWS) {
                System.arraycopy(blocks.get(b), 0, all, row * cols, Math.min(BLOCK_ROWS, count - row) * cols);
            }
            return all;
        }

        String[] labels() {
            return labels.length == count ? labels : java.util.Arrays.copyOf(labels, count);
        }
    }

    /**
     * Lines of a byte stream, each held whole in one buffer so that values are parsed in place by
     * index: numbers without creating strings, other values as strings.
     */
    private static final class ByteSource {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 20];
        private int limit;
        private int nextStart;
        private int position;
        private int lineEnd;
        private int tokenStart;
        private int line;
        private boolean eof;

        ByteSource(final InputStream in) {
            this.in = in;
        }

        int line() {
            return line;
        }

        /** Moves to the next line; false at the end of the stream. */
        boolean nextLine() throws IOException {
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
            lineEnd = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
            nextStart = next;
            line++;
            return true;
        }

        /** Keeps the unread part of the buffer, grows it for a long line, and reads more. */
        private void refill() throws IOException {
            final int kept = limit - nextStart;
            if (nextStart == 0 && kept == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
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

        String lineText() {
            return new String(buffer, position, lineEnd - position, StandardCharsets.UTF_8);
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

        /** The text of the last token read, for error messages. */
        String tokenText() {
            int end = position;
            while (end < lineEnd && !isDelimiter(buffer[end])) {
                end++;
            }
            return new String(buffer, tokenStart, Math.max(0, end - tokenStart), StandardCharsets.UTF_8);
        }

        private static boolean isDelimiter(final byte b) {
            return b == ',' || b == ' ' || b == '\t' || b == '}' || b == '%';
        }

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
            return parseText(new String(b, tokenStart, p - tokenStart, StandardCharsets.US_ASCII));
        }

        private static double parseText(final String text) {
            final String t = text.strip();
            if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                return Double.NaN;
            }
            return Double.parseDouble(t);
        }

        /** A value: quoted with ' or " (backslash escapes), else up to a delimiter or the line end. */
        String readValue() throws ArffFormatException {
            tokenStart = position;
            if (position >= lineEnd) {
                return "";
            }
            final byte quote = buffer[position];
            if (quote == '\'' || quote == '"') {
                final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                position++;
                while (true) {
                    if (position >= lineEnd) {
                        throw new ArffFormatException("Line " + line + ": a quoted value is not closed.");
                    }
                    byte c = buffer[position++];
                    if (c == quote) {
                        break;
                    }
                    if (c == '\\' && position < lineEnd) {
                        c = buffer[position++];
                    }
                    bytes.write(c);
                }
                return bytes.toString(StandardCharsets.UTF_8);
            }
            int p = position;
            while (p < lineEnd && !isDelimiter(buffer[p])) {
                p++;
            }
            final String value = new String(buffer, position, p - position, StandardCharsets.UTF_8);
            position = p;
            return value;
        }
    }
}
