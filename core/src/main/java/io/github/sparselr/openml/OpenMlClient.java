package io.github.sparselr.openml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.io.ArffReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads datasets from OpenML (saga-spec §8): resolves a name and version to an id, reads the
 * description, downloads the ARFF file, checks the MD5 of its uncompressed bytes, caches everything,
 * and parses it into a dense dataset.
 *
 * <p>Cache layout, like scikit-learn's: under the cache root, {@code openml.org/<URL path>.gz}
 * (the host is dropped), e.g. {@code openml.org/api/v1/json/data/554.gz} and
 * {@code openml.org/data/v1/download/52667/mnist_784.arff.gz}. Every file is gzip. Downloads go to
 * {@code .tmp/} under the root and are moved into place only once complete and valid, so nothing
 * partial is ever left in the cache. A cached file that turns out invalid (bad gzip, bad JSON, MD5
 * mismatch) is deleted and downloaded once more.
 */
public final class OpenMlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenMlConfig config;
    private final HttpFetcher fetcher;

    public OpenMlClient(final OpenMlConfig config) {
        this.config = config;
        this.fetcher = new HttpFetcher(config);
    }

    /** The id of the active dataset {@code name} at {@code version}, as scikit-learn resolves it. */
    public int resolve(final String name, final int version) throws IOException {
        final String path = "api/v1/json/data/list/data_name/" + encode(name.toLowerCase(Locale.ROOT))
            + "/limit/2/data_version/" + version;
        final JsonNode list;
        try {
            list = json(path, DownloadListener.NONE);
        } catch (HttpFetcher.ClientError e) {
            if (e.status == 412 || e.status == 404) {
                throw new OpenMlException("OpenML has no active dataset named '" + name + "' with version " + version
                    + "; check the name and version on openml.org, or give the dataset id.", e);
            }
            throw e;
        }
        final JsonNode did = list.path("data").path("dataset").path(0).path("did");
        if (!did.canConvertToInt()) {
            throw new OpenMlException("OpenML's answer for dataset '" + name + "' version " + version
                + " has no dataset id (data.dataset[0].did).");
        }
        return did.asInt();
    }

    /** The description of dataset {@code id}. */
    public DatasetDescription description(final int id) throws IOException {
        final JsonNode root;
        try {
            root = json("api/v1/json/data/" + id, DownloadListener.NONE);
        } catch (HttpFetcher.ClientError e) {
            throw new OpenMlException("OpenML has no dataset with id " + id + " (HTTP " + e.status + "); check the id "
                + "on openml.org.", e);
        }
        final JsonNode d = root.path("data_set_description");
        if (d.isMissingNode()) {
            throw new OpenMlException("OpenML's description of dataset " + id + " has no data_set_description.");
        }
        return new DatasetDescription(d.path("id").asInt(id), d.path("name").asText(), d.path("version").asInt(),
            d.path("file_id").asText(), text(d, "url"), d.path("md5_checksum").asText("").toLowerCase(Locale.ROOT),
            d.path("format").asText(""), text(d, "default_target_attribute"), d.path("status").asText(""));
    }

    /** OpenML's NumberOfInstances quality of dataset {@code id}, or 0 if it does not say. */
    public int numberOfInstances(final int id) throws IOException {
        try {
            for (final JsonNode q : json("api/v1/json/data/qualities/" + id, DownloadListener.NONE)
                .path("data_qualities").path("quality")) {
                if ("NumberOfInstances".equals(q.path("name").asText())) {
                    final double value = q.path("value").asDouble(0);
                    return value > 0 && value < Integer.MAX_VALUE ? (int) value : 0;
                }
            }
        } catch (HttpFetcher.ClientError e) {
            return 0; // only a size hint
        }
        return 0;
    }

    /**
     * The verified, cached ARFF file (gzip) of a dataset, downloading it if needed.
     *
     * @throws OpenMlException if the dataset is not a dense ARFF or its MD5 does not match
     */
    public Path arff(final DatasetDescription description, final DownloadListener listener) throws IOException {
        if (!description.format().equalsIgnoreCase("ARFF")) {
            throw new OpenMlException("Dataset " + description.id() + " ('" + description.name() + "') is stored as "
                + description.format() + "; sparselr reads dense ARFF datasets only.");
        }
        final URI uri = description.url() != null && !description.url().isBlank() ? URI.create(description.url())
            : config.server().resolve("data/v1/download/" + description.fileId());
        return cached(uri, file -> checkMd5(file, description), listener);
    }

    /** Downloads (or finds in the cache) and parses a dataset; the target defaults to OpenML's default target. */
    public DenseDataset load(final int id, final String target, final DownloadListener listener) throws IOException {
        return load(description(id), target, listener);
    }

    /** Downloads (or finds in the cache) and parses a dataset whose description is already read. */
    public DenseDataset load(final DatasetDescription description, final String target, final DownloadListener listener)
        throws IOException {
        final int rows = numberOfInstances(description.id());
        final Path file = arff(description, listener);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return ArffReader.read(in, target != null ? target : description.defaultTarget(), rows,
                listener::cancelRequested);
        }
    }

    /**
     * The layout of a dataset whose description and ARFF file are in the cache, without any network
     * access; null if something is not cached (then only downloading tells).
     *
     * @param id the dataset id, or 0 to look it up by {@code name} and {@code version}
     */
    public io.github.sparselr.io.DatasetLayout cachedLayout(final int id, final String name, final int version,
        final String target) {
        try {
            int did = id;
            if (did <= 0) {
                final Path list = cacheFile(config.server().resolve("api/v1/json/data/list/data_name/"
                    + encode(name.toLowerCase(Locale.ROOT)) + "/limit/2/data_version/" + version));
                if (!Files.isRegularFile(list)) {
                    return null;
                }
                did = readJson(list).path("data").path("dataset").path(0).path("did").asInt(0);
            }
            final Path descriptionFile = cacheFile(config.server().resolve("api/v1/json/data/" + did));
            if (did <= 0 || !Files.isRegularFile(descriptionFile)) {
                return null;
            }
            final JsonNode d = readJson(descriptionFile).path("data_set_description");
            final String url = text(d, "url");
            final Path arff = cacheFile(url != null && !url.isBlank() ? URI.create(url)
                : config.server().resolve("data/v1/download/" + d.path("file_id").asText()));
            if (!Files.isRegularFile(arff)) {
                return null;
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(arff))) {
                return io.github.sparselr.io.LocalDatasets.arffLayout(ArffReader.readHeader(in),
                    target != null && !target.isBlank() ? target : text(d, "default_target_attribute"));
            }
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable cache only means: unknown until the data is read
        }
    }

    private JsonNode json(final String path, final DownloadListener listener) throws IOException {
        final JsonNode[] parsed = new JsonNode[1];
        final Path file = cached(config.server().resolve(path), f -> parsed[0] = readJson(f), listener);
        return parsed[0] != null ? parsed[0] : readJson(file);
    }

    /** A check of a downloaded or cached file; throwing means the file is invalid. */
    private interface Validator {
        void check(Path file) throws IOException;
    }

    /** The cache file for {@code uri}: valid from the cache, or downloaded (again) and validated. */
    private Path cached(final URI uri, final Validator validator, final DownloadListener listener) throws IOException {
        final Path file = cacheFile(uri);
        if (Files.isRegularFile(file)) {
            try {
                validator.check(file);
                return file;
            } catch (IOException e) {
                Files.deleteIfExists(file); // invalid cache: download once more
            }
        }
        final Path temp = temporaryFile();
        try {
            fetcher.fetch(uri, temp, listener);
            try {
                validator.check(temp);
            } catch (ZipException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new OpenMlException("The download of " + uri + " is not valid (" + e.getMessage() + ").", e);
            }
            Files.createDirectories(file.getParent());
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path cacheFile(final URI uri) {
        String path = uri.getPath().replaceFirst("^/+", "");
        if (path.isEmpty() || path.contains("..")) {
            throw new IllegalArgumentException("Cannot cache " + uri + ": unusual path.");
        }
        return config.cacheRoot().resolve("openml.org").resolve(path + ".gz");
    }

    private Path temporaryFile() throws IOException {
        final Path dir = config.cacheRoot().resolve(".tmp");
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "download-", ".part");
    }

    private static JsonNode readJson(final Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readTree(in);
        }
    }

    private static void checkMd5(final Path file, final DatasetDescription description) throws IOException {
        final MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(new GZIPInputStream(new BufferedInputStream(
            Files.newInputStream(file)), 1 << 16), md5)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        final String actual = HexFormat.of().formatHex(md5.digest());
        if (!description.md5().isEmpty() && !actual.equals(description.md5())) {
            throw new OpenMlException("The ARFF file of dataset " + description.id() + " has MD5 " + actual
                + " but OpenML states " + description.md5() + "; the download is corrupt. Try again later.");
        }
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(final String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
