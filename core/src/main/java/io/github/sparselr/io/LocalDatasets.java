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

    /** The target column of IDX data, as OpenML's mnist_784 names it. */
    public static final String IDX_TARGET = "class";

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
     * The name the target column gets: the configured one, else for ARFF the last nominal attribute
     * (from the header), for IDX {@value #IDX_TARGET}, for CSV "class" when the target is given by
     * number or not at all. Reads at most an ARFF header.
     */
    public static String targetName(final Path path, final String target) throws IOException {
        switch (kind(path)) {
            case ARFF:
                try (InputStream in = Compression.open(path, ArffFormatException::new)) {
                    return arffLayout(ArffReader.readHeader(in, path.toString()), blankToNull(target)).target();
                }
            case CSV:
                return target == null || target.isBlank() || target.strip().matches("\\d+") ? "class" : target;
            default:
                return IDX_TARGET;
        }
    }

    /** The layout without reading the rows, or null where that would mean reading everything (CSV). */
    public static DatasetLayout layout(final Path path, final String target) throws IOException {
        switch (kind(path)) {
            case ARFF:
                try (InputStream in = Compression.open(path, ArffFormatException::new)) {
                    return arffLayout(ArffReader.readHeader(in, path.toString()), blankToNull(target));
                }
            case CSV:
                return null;
            default:
                final Path folder = idxFolder(path);
                final DenseDataset labels = Mnist.readLabels(folder);
                return new DatasetLayout(Mnist.pixelNames(Mnist.pixelsPerImage(folder)), IDX_TARGET,
                    new ArrayList<>(new TreeSet<>(List.of(labels.labels()))));
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

    /** The folder of an IDX path: the path itself, or the folder of one of its four files. */
    private static Path idxFolder(final Path path) {
        return Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    }

    private static String blankToNull(final String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
