package io.github.sparselr.io;

import io.github.sparselr.data.DenseDataset;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

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
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path) || name.contains("-idx")) {
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
     * Reads a whole dataset.
     *
     * @param target the target column (ARFF: default the last nominal attribute; CSV: name or 1-based
     *            number, default the last column; IDX: ignored)
     * @param csvHeader whether a CSV file's first line names its columns
     */
    public static DenseDataset read(final Path path, final String target, final boolean csvHeader,
        final BooleanSupplier cancelled) throws IOException {
        switch (kind(path)) {
            case ARFF:
                try (InputStream in = open(path)) {
                    return ArffReader.read(in, blankToNull(target), 0, cancelled);
                }
            case CSV:
                try (Reader in = new java.io.InputStreamReader(open(path), StandardCharsets.UTF_8)) {
                    return CsvReader.read(in, csvHeader, blankToNull(target));
                }
            default:
                return Files.isDirectory(path) ? Mnist.readFolder(path) : Mnist.readFolder(path.getParent());
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
        switch (kind(path)) {
            case ARFF:
                try (InputStream in = new HeaderBound(open(path), path)) {
                    return arffLayout(ArffReader.readHeader(in), blankToNull(target));
                }
            case CSV:
                try (Reader in = new java.io.InputStreamReader(new HeaderBound(open(path), path),
                    StandardCharsets.UTF_8)) {
                    return CsvReader.layout(in, csvHeader, blankToNull(target));
                }
            default:
                final Path folder = Files.isDirectory(path) ? path : path.getParent();
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

    private static InputStream open(final Path path) throws IOException {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
            ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static String blankToNull(final String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
