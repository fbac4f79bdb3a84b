package io.github.sparselr.io;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (commons-csv, RFC 4180 quoting) into the engine's dense dataset: one column holds
 * the labels, every other column must be numeric. Empty cells and "?" are missing values (NaN). Blank
 * lines are skipped and numeric labels are read as pandas reads them ({@link CsvLabels}).
 * Errors name the row (1-based, as an editor shows it) and the column.
 */
public final class CsvReader {

    /**
     * RFC 4180 quoting; blank lines are skipped, as pandas' {@code read_csv} skips them
     * ({@code skip_blank_lines=True}); blanks around an unquoted value are dropped (pandas keeps them in
     * text, so " y" and "y" would be two classes there: here they are one; quote a value to keep them).
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
        .setIgnoreEmptyLines(true).build();

    private CsvReader() {
    }

    /**
     * Reads CSV bytes in an encoding; undecodable bytes are an error naming their line, and a UTF-8
     * byte-order mark is dropped.
     *
     * @param encoding the text encoding (UTF-8 unless the file says otherwise; ISO-8859-1 and windows-1252
     *            for files from older Excel versions)
     * @param source how errors name the input, e.g. the file
     * @param header whether the first record names the columns (else they are named column1, …)
     * @param labelColumn the label column's name (with a header) or 1-based number as text; null or
     *            empty for the last column
     */
    public static DenseDataset read(final InputStream in, final Charset encoding, final String source,
        final boolean header, final String labelColumn) throws IOException {
        return read(new StrictTextReader(in, encoding, source, CsvFormatException::new), source, header,
            labelColumn);
    }

    /**
     * Reads CSV text.
     *
     * @see #read(InputStream, Charset, String, boolean, String)
     */
    public static DenseDataset read(final Reader reader, final boolean header, final String labelColumn)
        throws IOException {
        return read(reader, "the CSV data", header, labelColumn);
    }

    private static DenseDataset read(final Reader reader, final String source, final boolean header,
        final String labelColumn) throws IOException {
        try (CSVParser parser = FORMAT.parse(reader)) {
            try {
                return read(parser, source, header, labelColumn);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CsvFormatException) {
                    throw (CsvFormatException) e.getCause();
                }
                throw new CsvFormatException(source + ", line " + parser.getCurrentLineNumber()
                    + ": the CSV text cannot be parsed: " + e.getCause().getMessage());
            }
        }
    }

    private static DenseDataset read(final CSVParser parser, final String source, final boolean header,
        final String labelColumn) throws CsvFormatException {
        final Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw new CsvFormatException(source + " is empty.");
        }
        CSVRecord first = records.next();
        final int width = first.size();
        final List<String> names = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            final String name = header ? first.get(c) : "column" + (c + 1);
            if (names.stream().anyMatch(other -> other.strip().equals(name.strip()))) {
                // KNIME trims column names (org.knime.core.data.DataColumnSpecCreator): " a" and "a" are one name
                throw new CsvFormatException(source + ", line 1: the column name '" + name + "' appears twice "
                    + "(blanks around a name do not count, as KNIME trims them); every column needs its own name.");
            }
            names.add(name);
        }
        if (header) {
            first = records.hasNext() ? records.next() : null;
        }
        requireTwoColumns(names, header, source);
        final int label = labelIndex(names, labelColumn, header, source);
        final List<String> features = new ArrayList<>(names);
        features.remove(label);
        final List<double[]> rows = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        for (CSVRecord record = first; record != null; record = records.hasNext() ? records.next() : null) {
            addRecord(record, source, width, label, names, rows, labels);
        }
        if ((long) rows.size() * features.size() > Integer.MAX_VALUE - 8) {
            throw new CsvFormatException(source + " has " + rows.size() + " rows of " + features.size()
                + " numbers, more than one Java array holds (2^31 - 9).");
        }
        final double[] values = new double[rows.size() * features.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * features.size(), features.size());
        }
        final String[] classes = labels.toArray(new String[0]);
        CsvLabels.normalise(classes);
        return DenseDataset.of(values, rows.size(), features, classes, names.get(label));
    }

    /**
     * The layout from the first record alone (the column names, or column1, … without a header); the
     * classes are left empty: only the rows tell them. Reads no further than the first record, decoding
     * as {@link #read(InputStream, Charset, String, boolean, String)} does.
     *
     * @param labelColumn as for {@link #read}
     */
    public static DatasetLayout layout(final InputStream in, final Charset encoding, final String source,
        final boolean header, final String labelColumn) throws IOException {
        try (CSVParser parser = FORMAT.parse(new StrictTextReader(in, encoding, source, CsvFormatException::new))) {
            final Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new CsvFormatException(source + " is empty.");
            }
            final CSVRecord first = records.next();
            final List<String> names = new ArrayList<>(first.size());
            for (int c = 0; c < first.size(); c++) {
                names.add(header ? first.get(c) : "column" + (c + 1));
            }
            requireTwoColumns(names, header, source);
            final int label = labelIndex(names, labelColumn, header, source);
            final List<String> features = new ArrayList<>(names);
            features.remove(label);
            return new DatasetLayout(features, names.get(label), List.of());
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the bound on the header, a byte the encoding cannot decode, or the file itself
        }
    }

    /** A label column and at least one feature: one column is most often a file with another separator. */
    private static void requireTwoColumns(final List<String> names, final boolean header, final String source)
        throws CsvFormatException {
        if (names.size() < 2) {
            throw new CsvFormatException(source + ": the first " + (header ? "line (the header)" : "record")
                + " has one column" + (names.isEmpty() ? "" : " ('" + abbreviate(names.get(0)) + "')")
                + ", but a dataset needs a label column and at least one feature column. sparselr reads "
                + "comma-separated files: is the separator ';' or a tab? Save the file with commas.");
        }
    }

    private static int labelIndex(final List<String> names, final String labelColumn, final boolean header,
        final String source) throws CsvFormatException {
        if (labelColumn == null || labelColumn.isBlank()) {
            return names.size() - 1;
        }
        if (header && names.contains(labelColumn)) {
            return names.indexOf(labelColumn);
        }
        if (labelColumn.length() <= 9 && labelColumn.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // ASCII digits only: Integer.parseInt would also take "+2" and other scripts' digits
            final int number = Integer.parseInt(labelColumn);
            if (number >= 1 && number <= names.size()) {
                return number - 1;
            }
        }
        throw new CsvFormatException(source + " has no column '" + labelColumn + "' for the labels; give a column "
            + (header ? "name from the header or a " : "") + "number from 1 to " + names.size() + ".");
    }

    private static void addRecord(final CSVRecord record, final String source, final int width, final int label,
        final List<String> names, final List<double[]> rows, final List<String> labels) throws CsvFormatException {
        final String where = source + ", record " + record.getRecordNumber();
        if (record.size() != width) {
            throw new CsvFormatException(where + ": " + record.size() + " values, but the first record has " + width
                + "; every row needs the same columns.");
        }
        final double[] row = new double[width - 1];
        for (int c = 0, f = 0; c < width; c++) {
            final String text = record.get(c);
            if (c == label) {
                if (text.isEmpty() || text.equals("?")) {
                    throw new CsvFormatException(where + ": no label in column '" + names.get(c) + "'.");
                }
                labels.add(text);
                continue;
            }
            row[f++] = number(text, where, names.get(c));
        }
        rows.add(row);
    }

    private static double number(final String text, final String where, final String column)
        throws CsvFormatException {
        if (text.isEmpty() || text.equals("?")) {
            return Double.NaN;
        }
        try {
            final double v = Double.parseDouble(text);
            if (text.chars().anyMatch(Character::isLetter) && !text.matches("[-+]?[0-9.]+[eE][-+]?[0-9]+")) {
                throw new NumberFormatException(text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CsvFormatException(where + ", column '" + column + "': '" + abbreviate(text)
                + "' is not a number.");
        }
    }

    private static String abbreviate(final String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A CSV file that cannot be read; the message names the record and column. */
    public static final class CsvFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        public CsvFormatException(final String message) {
            super(message);
        }
    }
}
