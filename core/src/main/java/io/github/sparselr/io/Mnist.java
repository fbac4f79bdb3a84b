package io.github.sparselr.io;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST-style data sets from their four IDX files, laid out as OpenML's {@code mnist_784}: the 60000
 * training rows, then the 10000 test rows; columns {@code pixel1}…{@code pixel784} holding 0…255;
 * labels the strings "0"…"9". Fashion-MNIST uses the same files and reads the same way.
 */
public final class Mnist {

    /** The target column's name: IDX files name nothing, and OpenML's mnist_784 calls its target "class". */
    public static final String TARGET = "class";

    /** The standard file names, each optionally with ".gz". */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private Mnist() {
    }

    /** Reads the four files of a folder (plain or .gz), train then test. */
    public static DenseDataset readFolder(final Path folder) throws IOException {
        final Path[] files = files(folder);
        final DenseDataset train = readPair(files[0], files[1]);
        final DenseDataset test = readPair(files[2], files[3]);
        requireSameWidth(train.cols(), test.cols());
        return concat(train, test);
    }

    /** The folder's four files, in {@link #FILES}' order. */
    private static Path[] files(final Path folder) throws IOException {
        final Path[] files = new Path[FILES.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = find(folder, FILES.get(i));
        }
        return files;
    }

    private static void requireSameWidth(final int trainPixels, final int testPixels) throws IdxFormatException {
        if (trainPixels != testPixels) {
            throw new IdxFormatException("The training images have " + trainPixels + " pixels but the test images "
                + testPixels + "; both files must come from the same data set.");
        }
    }

    /**
     * For each array of row numbers (0-based over the training rows, then the test rows), the dataset
     * {@code readFolder(folder).select(rows)} gives, without building the whole matrix: the label files are
     * read first, then each image file's bytes once, and only the chosen rows become doubles (for MNIST's
     * study, 15 000 of 70 000 rows: 94 MB instead of 439 MB, besides the 47 MB of one file's bytes).
     */
    public static DenseDataset[] readRows(final Path folder, final int[]... rows) throws IOException {
        final Path[] files = files(folder);
        final IdxReader.IdxArray trainLabels = IdxReader.read(files[1]);
        checkLabels(files[1], trainLabels.dimensions());
        final IdxReader.IdxArray testLabels = IdxReader.read(files[3]);
        checkLabels(files[3], testLabels.dimensions());
        final int total = trainLabels.items() + testLabels.items(); // each below 2^31 - 8 bytes: no overflow past int
        final String[][] labels = new String[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            labels[s] = new String[rows[s].length];
            for (int r = 0; r < rows[s].length; r++) {
                final int source = rows[s][r];
                if (source < 0 || source >= total) {
                    throw new IndexOutOfBoundsException("Row " + source + " is outside 0.." + (total - 1) + ".");
                }
                labels[s][r] = source < trainLabels.items() ? label(trainLabels.data()[source])
                    : label(testLabels.data()[source - trainLabels.items()]);
            }
        }
        // the training images: they set the columns and where the output arrays come from
        final IdxReader.IdxArray trainImages = readImages(files[0], files[1], trainLabels);
        final int cols = trainImages.itemSize();
        final double[][] values = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            if ((long) rows[s].length * cols > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException("The " + rows[s].length + " rows asked for hold " + (long) rows[s].length
                    * cols + " pixels, more than one Java array holds (2^31 - 9).");
            }
            values[s] = new double[rows[s].length * cols];
        }
        convert(trainImages.data(), 0, trainImages.items(), cols, rows, values);
        final IdxReader.IdxArray testImages = readImages(files[2], files[3], testLabels);
        requireSameWidth(cols, testImages.itemSize());
        convert(testImages.data(), trainImages.items(), testImages.items(), cols, rows, values);
        final DenseDataset[] out = new DenseDataset[rows.length];
        for (int s = 0; s < rows.length; s++) {
            out[s] = DenseDataset.of(values[s], rows[s].length, pixelNames(cols), labels[s], TARGET);
        }
        return out;
    }

    private static IdxReader.IdxArray readImages(final Path images, final Path labelFile,
        final IdxReader.IdxArray labels) throws IOException {
        final IdxReader.IdxArray pixels = IdxReader.read(images);
        checkImages(images, pixels.dimensions());
        requirePair(images, pixels, labelFile, labels);
        return pixels;
    }

    private static void requirePair(final Path images, final IdxReader.IdxArray pixels, final Path labelFile,
        final IdxReader.IdxArray labels) throws IdxFormatException {
        if (pixels.items() != labels.items()) {
            throw new IdxFormatException(images + " has " + pixels.items() + " images but " + labelFile + " has "
                + labels.items() + " labels; they must be a matching pair.");
        }
    }

    /** Converts the chosen rows that lie in one file (rows {@code first} to {@code first + items - 1}). */
    private static void convert(final byte[] pixels, final int first, final int items, final int cols,
        final int[][] rows, final double[][] values) {
        for (int s = 0; s < rows.length; s++) {
            final int[] chosen = rows[s];
            final double[] out = values[s];
            for (int r = 0; r < chosen.length; r++) {
                final int item = chosen[r] - first;
                if (item >= 0 && item < items) {
                    final int from = item * cols;
                    final int to = r * cols;
                    for (int j = 0; j < cols; j++) {
                        out[to + j] = pixels[from + j] & 0xff;
                    }
                }
            }
        }
    }

    /** A label byte as mnist_784's class: "0"…"9" shared, other values as their number. */
    private static String label(final byte b) {
        final int label = b & 0xff;
        return label < DIGITS.length ? DIGITS[label] : Integer.toString(label);
    }

    /** The labels of a folder's training and test label files, in that order (no pixels are read). */
    public static DenseDataset readLabels(final Path folder) throws IOException {
        final List<String> labels = new ArrayList<>();
        for (final String name : List.of(FILES.get(1), FILES.get(3))) {
            final Path file = find(folder, name);
            final IdxReader.IdxArray array = IdxReader.read(file);
            checkLabels(file, array.dimensions());
            for (final byte b : array.data()) {
                labels.add(label(b));
            }
        }
        return DenseDataset.of(new double[0], labels.size(), List.of(), labels.toArray(new String[0]), TARGET);
    }

    /**
     * The pixels per image of a folder's training images, from the file's header, after checking that the
     * file holds as many bytes as the header declares (so no one builds columns for pixels that are not
     * there).
     */
    public static int pixelsPerImage(final Path folder) throws IOException {
        final Path images = find(folder, FILES.get(0));
        final int[] dimensions = IdxReader.readDimensions(images);
        checkImages(images, dimensions);
        return new IdxReader.IdxArray(dimensions, new byte[0]).itemSize();
    }

    private static void checkImages(final Path file, final int[] dimensions) throws IdxFormatException {
        if (dimensions.length < 2) {
            throw new IdxFormatException(file + " holds a " + dimensions.length
                + "-dimensional array; image files have at least 2 dimensions (items, pixels...).");
        }
    }

    private static void checkLabels(final Path file, final int[] dimensions) throws IdxFormatException {
        if (dimensions.length != 1) {
            throw new IdxFormatException(file + " holds a " + dimensions.length
                + "-dimensional array; label files have 1 dimension.");
        }
    }

    /** Reads one image file and its label file. */
    public static DenseDataset readPair(final Path images, final Path labels) throws IOException {
        final IdxReader.IdxArray pixels = IdxReader.read(images);
        final IdxReader.IdxArray classes = IdxReader.read(labels);
        checkImages(images, pixels.dimensions());
        checkLabels(labels, classes.dimensions());
        requirePair(images, pixels, labels, classes);
        final byte[] p = pixels.data();
        final double[] values = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            values[i] = p[i] & 0xff;
        }
        final String[] y = new String[classes.items()];
        for (int i = 0; i < y.length; i++) {
            y[i] = label(classes.data()[i]);
        }
        return DenseDataset.of(values, pixels.items(), pixelNames(pixels.itemSize()), y, TARGET);
    }

    /** OpenML's column names: pixel1 … pixelN. */
    public static List<String> pixelNames(final int count) {
        final List<String> names = new ArrayList<>(count);
        for (int j = 1; j <= count; j++) {
            names.add("pixel" + j);
        }
        return names;
    }

    private static Path find(final Path folder, final String name) throws IOException {
        if (folder == null) {
            throw new java.io.FileNotFoundException("No folder to look for " + name + " in.");
        }
        for (final Path candidate : List.of(folder.resolve(name), folder.resolve(name + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new java.io.FileNotFoundException("The folder " + folder + " has no " + name + " (or " + name
            + ".gz); it needs the four MNIST files " + FILES + ".");
    }

    private static DenseDataset concat(final DenseDataset a, final DenseDataset b) throws IdxFormatException {
        if ((long) a.values().length + b.values().length > Integer.MAX_VALUE - 8) {
            throw new IdxFormatException("The training and test images hold " + a.values().length + " + "
                + b.values().length + " pixels, more than one Java array holds (2^31 - 9).");
        }
        final double[] values = new double[a.values().length + b.values().length];
        System.arraycopy(a.values(), 0, values, 0, a.values().length);
        System.arraycopy(b.values(), 0, values, a.values().length, b.values().length);
        final String[] labels = new String[a.rows() + b.rows()];
        System.arraycopy(a.labels(), 0, labels, 0, a.rows());
        System.arraycopy(b.labels(), 0, labels, a.rows(), b.rows());
        return DenseDataset.of(values, a.rows() + b.rows(), a.columnNames(), labels, a.targetName());
    }
}
