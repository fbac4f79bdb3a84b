package io.github.sparselr.openml;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.io.ArffReader;
import io.github.sparselr.io.DatasetLayout;
import io.github.sparselr.io.LocalDatasets;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Reads datasets from OpenML as scikit-learn's {@code fetch_openml} does ({@code sklearn/datasets/_openml.py}):
 * resolves a name and version to an id, reads the description and the feature list, downloads the
 * ARFF file ({@code data/v1/download/{file_id}}), checks the MD5 of its uncompressed bytes, caches
 * everything, and parses it into a dense dataset with the target and the dropped attributes decided
 * as fetch_openml decides them ({@link ColumnRoles}).
 *
 * <p>Cache layout: scikit-learn's for the public server, {@code <cache root>/openml.org/<URL path>.gz}
 * (its {@code _get_local_path}), e.g. {@code openml.org/api/v1/json/data/554.gz} and
 * {@code openml.org/data/v1/download/52667.gz}; for any other server the same under its host (and
 * port, if one is given) instead of {@code openml.org}, e.g. {@code test.openml.org/api/v1/json/data/42.gz},
 * so that one server's files never answer for another's. Every file is gzip. Downloads go to
 * {@code .tmp/} under the root ({@link PartFiles}) and are moved into place only once complete and
 * valid, so nothing partial is ever left in the cache. A cached file that turns out invalid (bad gzip,
 * bad JSON, MD5 mismatch) is deleted and downloaded once more. No cache path may lead out of the cache
 * folder through a symbolic link ({@link CacheFolder#confine}): such a path is an error, and nothing
 * is read, deleted or written there.
 */
public final class OpenMlClient {

    /** An ARFF value takes at least this many bytes when sized from OpenML's figures: generous for text. */
    private static final long MAX_BYTES_PER_VALUE = 64;

    /** Heap bytes the ARFF parse needs per byte of text at most (8-byte values from 2-byte text, doubled while rows grow). */
    static final long HEAP_PER_TEXT_BYTE = 8;

    private final OpenMlConfig config;
    private final HttpFetcher fetcher;
    private final CacheFolder cache;
    private final long heapBytes;

    public OpenMlClient(final OpenMlConfig config) {
        this(config, Runtime.getRuntime().maxMemory());
    }

    /** A client that sizes the ARFF cap for a heap of {@code heapBytes} (tests). */
    OpenMlClient(final OpenMlConfig config, final long heapBytes) {
        this.config = config;
        this.fetcher = new HttpFetcher(config);
        this.cache = new CacheFolder(config);
        this.heapBytes = heapBytes;
    }

    /** The id of the active dataset {@code name} at {@code version}, as scikit-learn resolves it. */
    public int resolve(final String name, final int version) throws IOException {
        try {
            return json(listPath(name, version), "OpenML's list of datasets named '" + name + "'",
                root -> OpenMlJson.datasetId(root, name, version));
        } catch (HttpFetcher.ClientError e) {
            if (e.status == 412 || e.status == 404) {
                throw new OpenMlException("OpenML has no active dataset named '" + name + "' with version " + version
                    + "; check the name and version on openml.org, or give the dataset id.", e);
            }
            throw e;
        }
    }

    /** The description of dataset {@code id}. */
    public DatasetDescription description(final int id) throws IOException {
        try {
            return json("api/v1/json/data/" + id, "OpenML's description of dataset " + id,
                root -> OpenMlJson.description(id, root));
        } catch (HttpFetcher.ClientError e) {
            throw new OpenMlException("OpenML has no dataset with id " + id + " (HTTP " + e.status + "); check the id "
                + "on openml.org.", e);
        }
    }

    /** The attributes of dataset {@code id} with OpenML's flags (target, ignore, row identifier). */
    public List<DatasetFeature> features(final int id) throws IOException {
        try {
            return json("api/v1/json/data/features/" + id, "OpenML's feature list of dataset " + id,
                root -> OpenMlJson.features(id, root));
        } catch (HttpFetcher.ClientError e) {
            throw new OpenMlException("OpenML has no feature list for dataset " + id + " (HTTP " + e.status + ").", e);
        }
    }

    /** OpenML's NumberOfInstances quality of dataset {@code id}, or 0 if it does not say. */
    public int numberOfInstances(final int id) throws IOException {
        try {
            return json("api/v1/json/data/qualities/" + id, "OpenML's qualities of dataset " + id,
                OpenMlJson::numberOfInstances);
        } catch (HttpFetcher.ClientError e) {
            return 0; // only a size hint
        }
    }

    /** Downloads (or finds in the cache) and parses a dataset; the target defaults to OpenML's default target. */
    public OpenMlDataset load(final int id, final String target, final DownloadListener listener) throws IOException {
        return load(description(id), target, listener);
    }

    /**
     * Downloads (or finds in the cache) and parses a dataset whose description is already read.
     *
     * @param target the target attribute, or null/blank for the one OpenML flags as the target
     * @throws TargetChoiceException if none is given and OpenML flags none (before any download of data)
     */
    public OpenMlDataset load(final DatasetDescription description, final String target,
        final DownloadListener listener) throws IOException {
        checkDense(description);
        final List<DatasetFeature> features = features(description.id());
        final ColumnRoles roles = ColumnRoles.of(description, features, target);
        final int instances = numberOfInstances(description.id());
        final Gunzip.Cap cap = arffCap(description, instances, features.size());
        final long[] size = {0};
        final Path file = cached(arffUri(description), cap, f -> size[0] = checkMd5(f, description, cap), listener);
        // OpenML's figure sizes the matrix up front, but never beyond what the file can hold: a row takes at
        // least two bytes per attribute (a digit and a separator)
        final long fits = size[0] / (2L * Math.max(1, features.size()));
        final int expectedRows = (int) Math.min(instances, fits);
        final String source = "the ARFF file of OpenML dataset " + description.id() + " ('" + description.name()
            + "', " + file + ")";
        try (InputStream in = Gunzip.open(file, cap)) {
            checkAgainstFeatureList(description, features, roles.target(), ArffReader.readHeader(in, source));
        }
        final DenseDataset data;
        try (InputStream in = Gunzip.open(file, cap)) {
            data = ArffReader.read(in, source, roles.target(), expectedRows, listener::cancelRequested);
        }
        return new OpenMlDataset(description, roles, data.withoutColumns(roles.dropped()));
    }

    /**
     * The verified, cached ARFF file (gzip) of a dataset, downloading it if needed.
     *
     * @throws OpenMlException if the dataset is not a dense ARFF or its MD5 does not match
     */
    public Path arff(final DatasetDescription description, final DownloadListener listener) throws IOException {
        checkDense(description);
        final Gunzip.Cap cap = arffCap(description, numberOfInstances(description.id()), 0);
        return cached(arffUri(description), cap, f -> checkMd5(f, description, cap), listener);
    }

    /**
     * The layout of a dataset from its metadata alone: the name lookup (if no id is given), the
     * description and the feature list, each from the cache or downloaded (and then cached) with this
     * client's limits; the ARFF file is never read. The features are the attributes in ARFF order
     * without the target and those fetch_openml drops ({@link ColumnRoles}); the classes are the
     * target's nominal values as the feature list gives them, sorted (empty for a string or numeric
     * target, whose values only the data tells).
     *
     * @param id the dataset id, or 0 to look it up by {@code name} and {@code version}
     * @throws TargetChoiceException if the target cannot be had as set
     * @throws OpenMlException if the dataset is not a dense ARFF or OpenML's answers cannot be used
     */
    public DatasetLayout metadataLayout(final int id, final String name, final int version, final String target)
        throws IOException {
        final DatasetDescription description = description(id > 0 ? id : resolve(name, version));
        checkDense(description);
        final List<DatasetFeature> features = new ArrayList<>(features(description.id()));
        features.sort(java.util.Comparator.comparingInt(DatasetFeature::index));
        final ColumnRoles roles = ColumnRoles.of(description, features, target);
        final List<String> kept = new ArrayList<>();
        List<String> classes = List.of();
        for (final DatasetFeature f : features) {
            if (f.name().equals(roles.target())) {
                classes = new ArrayList<>(new java.util.TreeSet<>(f.nominalValues()));
            } else if (!roles.dropped().contains(f.name())) {
                kept.add(f.name());
            }
        }
        return new DatasetLayout(kept, roles.target(), classes);
    }

    /**
     * The layout of a dataset whose description, feature list and ARFF file are in the cache, without
     * any network access; null if something is not cached or unreadable (then only downloading tells).
     *
     * @param id the dataset id, or 0 to look it up by {@code name} and {@code version}
     * @throws TargetChoiceException if the cached metadata says the target cannot be had as set (none
     *             given and none flagged, or the given one is no attribute)
     */
    public DatasetLayout cachedLayout(final int id, final String name, final int version, final String target)
        throws TargetChoiceException {
        final DatasetDescription description;
        final List<DatasetFeature> features;
        final ColumnRoles roles;
        final Path arff;
        try {
            int did = id;
            if (did <= 0) {
                final JsonNode list = cachedJson(listPath(name, version));
                if (list == null) {
                    return null;
                }
                did = OpenMlJson.datasetId(list, name, version);
            }
            final JsonNode descriptionJson = cachedJson("api/v1/json/data/" + did);
            final JsonNode featuresJson = cachedJson("api/v1/json/data/features/" + did);
            if (descriptionJson == null || featuresJson == null) {
                return null;
            }
            description = OpenMlJson.description(did, descriptionJson);
            features = OpenMlJson.features(did, featuresJson);
            // the target question needs the metadata only: asked before the data is ever downloaded
            roles = ColumnRoles.of(description, features, target);
            arff = cache.file(arffUri(description));
            if (!Files.isRegularFile(arff, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
        } catch (TargetChoiceException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable cache only means: unknown until the data is read
        }
        try (InputStream in = Gunzip.open(arff, new Gunzip.Cap(config.maxUncompressedBytes(), "", ""))) {
            final List<io.github.sparselr.io.ArffAttribute> header = ArffReader.readHeader(in);
            checkAgainstFeatureList(description, features, roles.target(), header); // else only the download tells
            final DatasetLayout all = LocalDatasets.arffLayout(header, roles.target());
            final List<String> kept = new ArrayList<>(all.features());
            kept.removeAll(roles.dropped());
            return new DatasetLayout(kept, all.target(), all.classes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Checks that the ARFF file's attributes are those of OpenML's feature list: the same names in the same
     * order, and the same nominal values for a nominal target (its classes). fetch_openml takes the columns by name
     * from the feature list ({@code sklearn/datasets/_openml.py}, {@code _valid_data_column_names}) and the
     * values from the ARFF file; where the two disagree the columns configure announces (from the feature
     * list) would not be those the fit gets (from the file), so a disagreement is an error.
     */
    static void checkAgainstFeatureList(final DatasetDescription description, final List<DatasetFeature> features,
        final String target, final List<io.github.sparselr.io.ArffAttribute> attributes) throws OpenMlException {
        final List<DatasetFeature> listed = new ArrayList<>(features);
        listed.sort(java.util.Comparator.comparingInt(DatasetFeature::index));
        final String prefix = "OpenML's feature list of dataset " + description.id() + " ('" + description.name()
            + "') and its ARFF file disagree: ";
        final String advice = ". The dataset's metadata on OpenML is inconsistent; use another version of the "
            + "dataset, or download its ARFF file and read it as a local file.";
        for (int i = 0; i < Math.min(listed.size(), attributes.size()); i++) {
            final DatasetFeature f = listed.get(i);
            final io.github.sparselr.io.ArffAttribute a = attributes.get(i);
            if (!f.name().equals(a.name())) {
                throw new OpenMlException(prefix + "attribute " + (i + 1) + " is '" + a.name() + "' in the ARFF file "
                    + "but '" + f.name() + "' in the feature list" + advice);
            }
            if (f.name().equals(target) && "nominal".equals(f.dataType()) && !f.nominalValues().isEmpty() && a.kind()
                == io.github.sparselr.io.ArffAttribute.Kind.NOMINAL && !new java.util.TreeSet<>(f.nominalValues())
                    .equals(new java.util.TreeSet<>(a.nominalValues()))) {
                throw new OpenMlException(prefix + "the nominal target '" + f.name() + "' has the values "
                    + a.nominalValues() + " in the ARFF file but " + f.nominalValues() + " in the feature list" + advice);
            }
        }
        if (listed.size() != attributes.size()) {
            final int i = Math.min(listed.size(), attributes.size());
            throw new OpenMlException(prefix + "the ARFF file has " + attributes.size() + " attributes, the feature "
                + "list " + listed.size() + " (attribute " + (i + 1) + ", '" + (i < attributes.size()
                    ? attributes.get(i).name() : listed.get(i).name()) + "', is only in the " + (i < attributes.size()
                        ? "ARFF file" : "feature list") + ")" + advice);
        }
    }

    private static void checkDense(final DatasetDescription description) throws OpenMlException {
        if (!description.format().equalsIgnoreCase("ARFF")) {
            throw new OpenMlException("Dataset " + description.id() + " ('" + description.name() + "') is stored as "
                + description.format() + "; sparselr reads dense ARFF datasets only.");
        }
    }

    /** Where fetch_openml downloads the ARFF file from: {@code data/v1/download/{file_id}} on the server. */
    private URI arffUri(final DatasetDescription description) {
        return config.server().resolve("data/v1/download/" + description.fileId());
    }

    /**
     * The ARFF file's cap: the configured one, or more where OpenML's figures (instances × features)
     * promise a larger file, but never more than this JVM's heap can parse: a value takes 8 bytes in the
     * dense matrix (twice that while its row list grows) and at least 2 bytes of text, so the text may
     * be at most {@value #HEAP_PER_TEXT_BYTE}th of the heap. A claim in OpenML's answers alone can then
     * not lift the cap into an out-of-memory error.
     */
    private Gunzip.Cap arffCap(final DatasetDescription description, final int instances, final int features) {
        final long figures = instances > 0 ? (1L << 20) + instances * (long) Math.max(1, features) * MAX_BYTES_PER_VALUE
            : 0;
        final long heapBound = heapBytes / HEAP_PER_TEXT_BYTE;
        final long limit = Math.max(config.maxUncompressedBytes(), Math.min(figures, heapBound));
        final String claim = instances > 0 ? "OpenML's figures (" + instances + " instances, " + features
            + " attributes) allow " + megabytes(figures) + " MB" + (figures > heapBound ? ", but this Java heap ("
                + megabytes(heapBytes) + " MB) can parse at most " + megabytes(heapBound) + " MB of ARFF text" : "")
            : "OpenML gives no figures for its size";
        return new Gunzip.Cap(limit, "The ARFF file of dataset " + description.id() + " ('" + description.name() + "')",
            claim + "; the maximum uncompressed size (setting maxUncompressedBytes) is "
                + megabytes(config.maxUncompressedBytes()) + " MB. If the file is really this large, raise the maximum "
                + "uncompressed size and the Java heap (-Xmx) to about " + HEAP_PER_TEXT_BYTE + " times the file's size.");
    }

    private static long megabytes(final long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }

    private Gunzip.Cap jsonCap(final String what) {
        return new Gunzip.Cap(config.maxUncompressedBytes(), what,
            "OpenML's answers are far smaller. Check the OpenML server URL, or raise the maximum uncompressed size.");
    }

    /** Reads one JSON answer into a value; an answer it cannot read is not kept in the cache. */
    private interface Reader<T> {
        T read(JsonNode root) throws OpenMlException;
    }

    private <T> T json(final String path, final String what, final Reader<T> reader) throws IOException {
        final Gunzip.Cap cap = jsonCap(what);
        final List<T> value = new ArrayList<>(1);
        cached(config.server().resolve(path), cap, f -> {
            value.clear();
            value.add(reader.read(readJson(f, cap)));
        }, DownloadListener.NONE);
        return value.get(0);
    }

    /** A cached JSON answer, or null if it is not cached. */
    private JsonNode cachedJson(final String path) throws IOException {
        final Path file = cache.file(config.server().resolve(path));
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? readJson(file, jsonCap("The cached " + path)) : null;
    }

    /** A check of a downloaded or cached file; throwing means the file is invalid. */
    private interface Validator {
        void check(Path file) throws IOException;
    }

    /** The cache file for {@code uri}: valid from the cache, or downloaded (again) and validated. */
    private Path cached(final URI uri, final Gunzip.Cap cap, final Validator validator,
        final DownloadListener listener) throws IOException {
        final Path file = cache.file(uri);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                validator.check(file);
                return file;
            } catch (Gunzip.UncompressedLimitException e) {
                throw e; // a cap, not a fault of the file: keep it
            } catch (IOException e) {
                cache.confine(file); // invalid cache: download once more, but delete only inside the cache
                Files.deleteIfExists(file);
            }
        }
        final Path temp = PartFiles.create(cache.tempFolder());
        try {
            fetcher.fetch(uri, temp, cap, listener);
            try {
                validator.check(temp);
            } catch (ZipException | EOFException e) {
                throw new OpenMlException("The download of " + uri + " is not valid (" + e.getMessage() + ").", e);
            }
            cache.confine(file);
            Files.createDirectories(file.getParent());
            cache.confine(file);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } finally {
            PartFiles.release(temp);
        }
    }


    private static String listPath(final String name, final int version) {
        return "api/v1/json/data/list/data_name/" + segment(name.toLowerCase(Locale.ROOT)) + "/limit/2/data_version/"
            + version;
    }

    private static JsonNode readJson(final Path file, final Gunzip.Cap cap) throws IOException {
        try (InputStream in = Gunzip.open(file, cap)) {
            return OpenMlJson.parse(in, cap.what());
        }
    }

    /** Checks the MD5 of the uncompressed bytes, as fetch_openml's {@code _load_arff_response}; returns their count. */
    private static long checkMd5(final Path file, final DatasetDescription description, final Gunzip.Cap cap)
        throws IOException {
        final MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        final long size;
        try (InputStream in = new DigestInputStream(Gunzip.open(file, cap), md5)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        final String actual = HexFormat.of().formatHex(md5.digest());
        if (!description.md5().isEmpty() && !actual.equals(description.md5())) {
            throw new OpenMlException("The ARFF file of dataset " + description.id() + " has MD5 " + actual
                + " but OpenML states " + description.md5() + "; the download is corrupt. Try again later.");
        }
        return size;
    }

    /**
     * A name as one URL path segment: encoded, and '.' or '..' written as %2E, which URI resolution would
     * otherwise remove (turning {@code data_name/../limit} into the unfiltered list of datasets).
     */
    static String segment(final String s) {
        final String encoded = encode(s);
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    private static String encode(final String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
