package io.github.sparselr.io;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

    /** How errors name a stream given without a name. */
    private static final String UNNAMED = "the ARFF data";

    private final ArffBytes in;
    private final List<ArffAttribute> attributes = new ArrayList<>();
    private final List<Map<String, Integer>> nominalIndex = new ArrayList<>();
    private final Map<String, Integer> declaredAt = new HashMap<>();
    private final Map<String, Integer> trimmedAt = new HashMap<>();
    private String relation = "";

    private ArffReader(final InputStream in, final String source, final int initialBuffer) {
        this.in = new ArffBytes(in, source, initialBuffer);
    }

    /**
     * Reads a whole ARFF stream (already decompressed).
     *
     * @param target the target attribute's name, or null for the last nominal attribute
     * @param expectedRows how many rows there will probably be (e.g. OpenML's NumberOfInstances), or 0: only
     *            a hint, never allocated beyond twice the rows actually read
     * @param cancelled polled every few thousand rows; returning true stops with a
     *            {@link java.util.concurrent.CancellationException}
     */
    public static DenseDataset read(final InputStream in, final String target, final int expectedRows,
        final BooleanSupplier cancelled) throws IOException {
        return read(in, UNNAMED, target, expectedRows, cancelled);
    }

    /**
     * Reads a whole ARFF stream (already decompressed) whose errors name it {@code source} (e.g. the file).
     *
     * @see #read(InputStream, String, int, BooleanSupplier)
     */
    public static DenseDataset read(final InputStream in, final String source, final String target,
        final long expectedRows, final BooleanSupplier cancelled) throws IOException {
        return read(in, source, target, expectedRows, cancelled, Runtime.getRuntime().maxMemory());
    }

    /** As {@link #read(InputStream, String, String, long, BooleanSupplier)}, the dense rows held to {@code heapBytes}. */
    static DenseDataset read(final InputStream in, final String source, final String target,
        final long expectedRows, final BooleanSupplier cancelled, final long heapBytes) throws IOException {
        final ArffReader reader = new ArffReader(in, source, 1 << 20);
        reader.readHeader();
        return reader.readData(target, expectedRows, cancelled, heapBytes);
    }

    /** Reads only the header: the relation name and the attributes (for configure-time specs). */
    public static List<ArffAttribute> readHeader(final InputStream in) throws IOException {
        return readHeader(in, UNNAMED);
    }

    /** Reads only the header, naming the stream {@code source} in errors. */
    public static List<ArffAttribute> readHeader(final InputStream in, final String source) throws IOException {
        final ArffReader reader = new ArffReader(in, source, 1 << 16);
        reader.readHeader();
        return List.copyOf(reader.attributes);
    }

    private void readHeader() throws IOException {
        while (true) {
            if (!in.nextLine()) {
                throw in.error("the ARFF file ends before its @data section.");
            }
            final ArffHeaderLine line = new ArffHeaderLine(in.lineText(), in.where());
            final String keyword = line.keyword();
            switch (keyword) {
                case "":
                    break; // blank or comment line
                case "@relation":
                    relation = line.rest();
                    break;
                case "@attribute":
                    addAttribute(line.attribute());
                    break;
                case "@data":
                    if (attributes.isEmpty()) {
                        throw in.error("@data before any @attribute.");
                    }
                    return;
                default:
                    throw in.error("expected @relation, @attribute or @data, found '"
                        + abbreviate(in.lineText().strip()) + "'.");
            }
        }
    }

    private void addAttribute(final ArffAttribute attribute) throws ArffFormatException {
        final Integer earlier = declaredAt.putIfAbsent(attribute.name(), in.line());
        if (earlier != null) {
            // as liac-arff (sklearn/externals/_arff.py, BadAttributeName)
            throw in.error("the attribute name '" + attribute.name() + "' is already used on line " + earlier
                + "; every attribute needs its own name.");
        }
        final String trimmed = attribute.name().strip();
        final Integer sameTrimmed = trimmedAt.putIfAbsent(trimmed, attributes.size());
        if (sameTrimmed != null) {
            // KNIME trims column names (org.knime.core.data.DataColumnSpecCreator), so they would be one column
            final String other = attributes.get(sameTrimmed).name();
            throw in.error("the attribute '" + attribute.name() + "' and the attribute '" + other + "' on line "
                + declaredAt.get(other) + " differ only by blanks around the name, and KNIME trims column names; "
                + "rename one of them.");
        }
        final Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < attribute.nominalValues().size(); i++) {
            index.putIfAbsent(attribute.nominalValues().get(i), i);
        }
        attributes.add(attribute);
        nominalIndex.add(index);
    }

    private DenseDataset readData(final String target, final long expectedRows, final BooleanSupplier cancelled,
        final long heapBytes) throws IOException {
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
                throw new ArffFormatException(in.source() + ": attribute '" + attributes.get(a).name()
                    + "' holds strings; only the target may be a string attribute. Choose it as the target or "
                    + "remove it.");
            }
            names.add(attributes.get(a).name());
            column[a] = c++;
        }
        final ArffAttribute targetAttribute = attributes.get(targetIndex);
        final RowSink rows = new RowSink(cols, expectedRows, heapBytes);
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
                throw in.error("the target '" + targetAttribute.name()
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
                        throw new ArffFormatException(in.source() + ": the target '" + target
                            + "' is numeric; classification needs a nominal or string target.");
                    }
                    return a;
                }
            }
            throw new ArffFormatException(in.source() + " has no attribute '" + target + "' to use as the target; "
                + "its attributes end with " + lastNames() + ".");
        }
        for (int a = attributes.size() - 1; a >= 0; a--) {
            if (attributes.get(a).kind() == ArffAttribute.Kind.NOMINAL) {
                return a;
            }
        }
        throw new ArffFormatException(in.source() + " has no nominal attribute to use as the target; name the "
            + "target.");
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
                    throw in.error("the row ends after " + a + " values, but "
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
            throw in.error("the row has more than " + n + " values: '" + in.restOfLine() + "' follows the last, '"
                + attributes.get(n - 1).name() + "'.");
        }
        return label;
    }

    private String readSparseRow(final double[] row, final int[] column, final int targetIndex, final boolean[] filled)
        throws IOException {
        Arrays.fill(row, 0.0);
        Arrays.fill(filled, false);
        String label = null;
        in.advance(); // '{'
        while (true) {
            if (!in.skipSpaces()) {
                throw in.error("the sparse row has no closing '}'.");
            }
            if (in.current() == '}') {
                in.advance();
                break;
            }
            final int a = in.readIndex();
            if (a < 0 || a >= attributes.size()) {
                throw in.error("sparse index " + in.tokenText()
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
        if (in.skipSpaces() && in.current() != '%') {
            throw in.error("unexpected '" + in.tokenHere() + "' after the sparse row's closing '}'.");
        }
        if (!filled[targetIndex]) {
            // an omitted sparse value is 0: for a nominal target, its first value
            final ArffAttribute t = attributes.get(targetIndex);
            return t.kind() == ArffAttribute.Kind.NOMINAL && !t.nominalValues().isEmpty() ? t.nominalValues().get(0)
                : "0";
        }
        return label;
    }

    private double numberValue(final int a) throws IOException {
        if (in.atEnd()) {
            throw in.error("no value for attribute '" + attributes.get(a).name() + "'.");
        }
        if (in.current() == '?') {
            in.advance();
            return Double.NaN;
        }
        final double v = in.readNumber();
        if (Double.isNaN(v)) {
            throw in.error("attribute '" + attributes.get(a).name() + "': '"
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
            throw in.error("attribute '" + attributes.get(a).name() + "': '"
                + abbreviate(value) + "' is not one of its declared values "
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

    private static String gigabytes(final long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f", bytes / 1e9);
    }

    private static String abbreviate(final String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /**
     * Rows collected row-major into one array that grows with the rows actually read: it doubles, and
     * a row-count hint only decides where growth stops (so an exact hint needs no final copy); the array
     * never holds more than twice the rows read (plus a first 512 KB), whatever the hint claims.
     */
    private final class RowSink {
        private static final int FIRST_VALUES = 1 << 16;
        private final int cols;
        private final long hint;
        private final long heapBytes;
        private double[] values = new double[0];
        private int capacity;
        private String[] labels = new String[16];
        private int count;

        RowSink(final int cols, final long hint, final long heapBytes) {
            this.cols = cols;
            this.hint = hint;
            this.heapBytes = heapBytes;
        }

        void add(final double[] row, final String label) throws ArffFormatException {
            if (count == capacity && cols > 0) {
                grow();
            }
            System.arraycopy(row, 0, values, count * cols, cols);
            if (count == labels.length) {
                if (labels.length == ArffBytes.MAX_ARRAY) {
                    throw tooLarge();
                }
                labels = Arrays.copyOf(labels, (int) Math.min(ArffBytes.MAX_ARRAY, 2L * labels.length));
            }
            labels[count++] = label;
        }

        private void grow() throws ArffFormatException {
            final long maxRows = ArffBytes.MAX_ARRAY / cols;
            if (count >= maxRows) {
                throw tooLarge();
            }
            long rows = Math.max(2L * count, Math.max(1, FIRST_VALUES / cols));
            if (hint > count) {
                rows = Math.min(rows, hint);
            }
            rows = Math.min(rows, maxRows);
            // while copying, the old and the new array are both live
            final long bytesPerRow = 8L * cols;
            if ((count + rows) * bytesPerRow > heapBytes) {
                final long fits = heapBytes / bytesPerRow - count; // grow less: what still fits, if it is worth it
                if (fits < count + Math.max(1, count / 8)) {
                    throw tooLargeForTheHeap(rows);
                }
                rows = fits;
            }
            final double[] grown;
            try {
                grown = Arrays.copyOf(values, (int) rows * cols);
            } catch (OutOfMemoryError e) {
                throw tooLargeForTheHeap(rows);
            }
            values = grown;
            capacity = (int) rows;
        }

        private ArffFormatException tooLargeForTheHeap(final long rows) {
            return in.error("after " + count + " rows of " + cols + " columns the dense matrix takes "
                + gigabytes(8L * count * cols) + " GB (rows × columns × 8 bytes; sparselr holds the data dense, also "
                + "when the file is sparse), and growing it to " + rows + " rows would need "
                + gigabytes(8L * (count + rows) * cols) + " GB while copying, more than the Java heap of "
                + gigabytes(heapBytes) + " GB holds; give Java more memory (-Xmx) or use a dataset with fewer rows "
                + "or attributes.");
        }

        private ArffFormatException tooLarge() {
            return in.error("the data has more than " + ArffBytes.MAX_ARRAY / Math.max(1, cols) + " rows of " + cols
                + " columns, more values than one Java array holds (2^31 - 9).");
        }

        double[] values() {
            return count == capacity ? values : Arrays.copyOf(values, count * cols);
        }

        String[] labels() {
            return labels.length == count ? labels : Arrays.copyOf(labels, count);
        }
    }
}
