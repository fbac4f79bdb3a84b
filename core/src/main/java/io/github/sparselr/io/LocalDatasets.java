package io.github.sparselr.io;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Datasets in local files, by kind: an ARFF file ({@code .arff}, {@code .arff.gz}), a folder with the
 * four MNIST-style IDX files (or one of those files), or a CSV file. Reads them whole, or tells their
 * layout cheaply where the format allows (ARFF header, IDX headers and labels).
 */
public final class LocalDatasets {

    private LocalDatasets() {
    }

    /** What a path holds. */
    public enum Kind {
        ARFF, IDX, CSV
    }

    /** The kind of a path, by its name (folders are IDX folders). */
    public static Kind kind(final Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder; check the path");
        }
        if (Files.isDirectory(path)) {
            return Kind.IDX;
        }
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("-idx")) {
            return Kind.IDX;
        }
        if (name.endsWith(".arff") || name.endsWith(".arff.gz")) {
            return Kind.ARFF;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return Kind.CSV;
        }
        throw new IOException("'" + path.getFileName() + "' is neither an ARFF (.arff, .arff.gz), a CSV (.csv) nor an "
            + "IDX file or folder; rename it or convert it.");
    }

    /**
     * Reads a whole dataset (a CSV file as UTF-8).
     *
     * @see #read(Path, String, boolean, Charset, BooleanSupplier)
     */
    public static DenseDataset read(final Path path, final String target, final boolean csvHeader,
        final BooleanSupplier cancelled) throws IOException {
        return read(path, target, csvHeader, StandardCharsets.UTF_8, cancelled);
    }

    /**
     * Reads a whole dataset. Compressed files are told by their content (gzip), not their name.
     *
     * @param target the target column (ARFF: default the last nominal attribute; CSV: name or 1-based
     *            number, default the last column; IDX: ignored)
     * @param csvHeader whether a CSV file's first line names its columns
     * @param csvEncoding a CSV file's text encoding (ARFF files are UTF-8)
     */
    public static DenseDataset read(final Path path, final String target, final boolean csvHeader,
        final Charset csvEncoding, final BooleanSupplier cancelled) throws IOException {
        switch (kind(path)) {
            case ARFF:
                try (InputStream in = Compression.open(path, ArffFormatException::new)) {
                    return ArffReader.read(in, path.toString(), blankToNull(target), 0, cancelled);
                }
            case CSV:
                try (InputStream in = Compression.open(path, CsvReader.CsvFormatException::new)) {
                    return CsvReader.read(in, csvEncoding, path.toString(), csvHeader, blankToNull(target));
                }
            default:
                return Mnist.readFolder(idxFolder(path));
        }
    }

    /**
     * The layout without reading the rows: an ARFF header, a CSV file's first record (the classes left
     * empty: only the rows tell them), an IDX folder's image header and its label files (one byte per
     * image; not read if they take more than 16 MiB, and then the classes are left empty). A header
     * longer than 16 MiB is refused, so that a file without one is never read whole.
     *
     * @param csvHeader whether a CSV file's first line names its columns
     */
    public static DatasetLayout layout(final Path path, final String target, final boolean csvHeader)
        throws IOException {
        return layout(path, target, csvHeader, StandardCharsets.UTF_8);
    }

    /**
     * The layout without reading the rows, a CSV file decoded as {@code csvEncoding}.
     *
     * @see #layout(Path, String, boolean)
     */
    public static DatasetLayout layout(final Path path, final String target, final boolean csvHeader,
        final Charset csvEncoding) throws IOException {
        switch (kind(path)) {
            case ARFF:
                try (InputStream in = new HeaderBound(Compression.open(path, ArffFormatException::new), path)) {
                    return arffLayout(ArffReader.readHeader(in, path.toString()), blankToNull(target));
                }
            case CSV:
                try (InputStream in = new HeaderBound(Compression.open(path, CsvReader.CsvFormatException::new), path)) {
                    return CsvReader.layout(in, csvEncoding, path.toString(), csvHeader, blankToNull(target));
                }
            default:
                final Path folder = idxFolder(path);
                final List<String> pixels = Mnist.pixelNames(Mnist.pixelsPerImage(folder));
                if (labelFileBytes(folder) > HeaderBound.MAX_BYTES) {
                    return new DatasetLayout(pixels, Mnist.TARGET, List.of()); // classes: only once read whole
                }
                final DenseDataset labels = Mnist.readLabels(folder);
                return new DatasetLayout(pixels, Mnist.TARGET, new ArrayList<>(new TreeSet<>(List.of(labels.labels()))));
        }
    }

    /** The layout an ARFF header promises for a target (null: the last nominal attribute). */
    public static DatasetLayout arffLayout(final List<ArffAttribute> attributes, final String target)
        throws ArffFormatException {
        ArffAttribute chosen = null;
        for (final ArffAttribute a : attributes) {
            if (target == null ? a.kind() == ArffAttribute.Kind.NOMINAL : a.name().equals(target)) {
                chosen = a;
            }
        }
        if (chosen == null) {
            throw new ArffFormatException(target == null ? "The ARFF file has no nominal attribute to use as the target."
                : "The ARFF file has no attribute '" + target + "' to use as the target.");
        }
        final List<String> features = new ArrayList<>();
        for (final ArffAttribute a : attributes) {
            if (a != chosen) {
                features.add(a.name());
            }
        }
        // a string target's classes are only known from the data
        final List<String> classes = chosen.kind() == ArffAttribute.Kind.NOMINAL
            ? new ArrayList<>(new TreeSet<>(chosen.nominalValues())) : List.of();
        return new DatasetLayout(features, chosen.name(), classes);
    }

    /**
     * The bytes on disk of an IDX folder's two label files (one byte per image: 70,016 for MNIST), so that
     * configure reads them only where that is cheap.
     */
    private static long labelFileBytes(final Path folder) throws IOException {
        long bytes = 0;
        for (final String name : List.of(Mnist.FILES.get(1), Mnist.FILES.get(3))) {
            for (final Path candidate : List.of(folder.resolve(name), folder.resolve(name + ".gz"))) {
                if (Files.isRegularFile(candidate)) {
                    bytes += Files.size(candidate);
                    break;
                }
            }
        }
        return bytes;
    }

    /** The folder of an IDX path: the path itself, or the folder of one of its four files. */
    public static Path idxFolder(final Path path) {
        return Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    }

    private static String blankToNull(final String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
