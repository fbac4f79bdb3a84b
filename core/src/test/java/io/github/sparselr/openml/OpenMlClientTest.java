package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMlClientTest {

    private static final String ARFF_PATH = FakeOpenMl.ARFF_PATH;
    private static final String DESCRIPTION_PATH = FakeOpenMl.DESCRIPTION_PATH;

    @TempDir
    Path cache;

    private FakeOpenMl server;
    private OpenMlClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenMl();
        client = new OpenMlClient(config());
    }

    private OpenMlConfig config() {
        return OpenMlConfig.defaults(cache).withServer(server.root())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).withRetries(2, Duration.ofMillis(10));
    }

    /** The fake's cache folder: its host and port (the public server's would be "openml.org"). */
    private String folder() {
        return "127.0.0.1_" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void resolvesDownloadsVerifiesCachesAndParses() throws IOException {
        final int id = client.resolve("Tiny", 1);
        assertThat(id).isEqualTo(42);
        final java.util.List<long[]> progress = new java.util.ArrayList<>();
        final DenseDataset data = client.load(id, null, (done, total) -> progress.add(new long[] {done, total}))
            .data();
        assertThat(data.rows()).isEqualTo(3);
        assertThat(progress).isNotEmpty();
        final long[] last = progress.get(progress.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isPositive();
        assertThat(data.columnNames()).containsExactly("a", "b");
        assertThat(data.labels()).containsExactly("no", "yes", "yes");
        assertThat(data.targetName()).isEqualTo("class");
        assertThat(cache.resolve(folder() + "/api/v1/json/data/42.gz")).isRegularFile();
        assertThat(gunzip(cache.resolve(folder() + "/data/v1/download/99.gz"))).isEqualTo(FakeOpenMl.ARFF);

        client.load(42, null, DownloadListener.NONE); // from the cache now
        assertThat(server.requests(ARFF_PATH)).isEqualTo(1);
        assertThat(server.requests(DESCRIPTION_PATH)).isEqualTo(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void storesPlainBodiesGzippedToo() throws IOException {
        server.gzipBodies = false;
        client.load(42, null, DownloadListener.NONE);
        assertThat(gunzip(cache.resolve(folder() + "/data/v1/download/99.gz"))).isEqualTo(FakeOpenMl.ARFF);
    }

    @Test
    void retriesAServerErrorAndSucceeds() throws IOException {
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.status(500), FakeOpenMl.Fault.status(503));
        assertThat(client.load(42, null, DownloadListener.NONE).data().rows()).isEqualTo(3);
        assertThat(server.requests(ARFF_PATH)).isEqualTo(3);
    }

    @Test
    void doesNotRetryANotFound() {
        assertThatThrownBy(() -> client.description(7)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("no dataset with id 7");
        assertThat(server.requests("/api/v1/json/data/7")).isEqualTo(1);
        assertThatThrownBy(() -> client.resolve("nosuchset", 1)).hasMessageContaining("no active dataset named");
    }

    @Test
    void givesUpAfterTimeoutsAndLeavesNothingBehind() {
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.delay(1000), FakeOpenMl.Fault.delay(1000),
            FakeOpenMl.Fault.delay(1000));
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("failed 3 times").hasMessageContaining("SocketTimeoutException");
        assertThat(cache.resolve(folder() + "/data/v1/download/99.gz")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void retriesABodyCutShort() throws IOException {
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.truncatedBody());
        assertThat(client.load(42, null, DownloadListener.NONE).data().rows()).isEqualTo(3);
        assertThat(server.requests(ARFF_PATH)).isEqualTo(2);
    }

    @Test
    void rejectsAWrongMd5AndCachesNothing() {
        server.md5 = "0123456789abcdef0123456789abcdef";
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("MD5").hasMessageContaining("corrupt");
        assertThat(cache.resolve(folder() + "/data/v1/download/99.gz")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void replacesACorruptCachedFile() throws IOException {
        final Path cached = cache.resolve(folder() + "/data/v1/download/99.gz");
        Files.createDirectories(cached.getParent());
        Files.writeString(cached, "this is not gzip");
        assertThat(client.load(42, null, DownloadListener.NONE).data().rows()).isEqualTo(3);
        assertThat(gunzip(cached)).isEqualTo(FakeOpenMl.ARFF);
        final Path description = cache.resolve(folder() + "/api/v1/json/data/42.gz");
        Files.write(description, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertThat(client.description(42).md5()).isEqualTo(FakeOpenMl.md5(FakeOpenMl.ARFF));
    }

    @Test
    void followsNoRedirectToPlainHttp() {
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.redirect(server.root() + "elsewhere.arff"));
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE))
            .hasMessageContaining("redirects are followed only to https");
        assertThat(server.requests(ARFF_PATH)).isEqualTo(1);
    }

    @Test
    void refusesPlainHttpOffLoopbackAndOversizedDownloads() {
        final OpenMlClient remote = new OpenMlClient(config().withServer(URI.create("http://example.org/")));
        assertThatThrownBy(() -> remote.description(42)).hasMessageContaining("https only");
        final OpenMlClient small = new OpenMlClient(config().withMaxDownloadBytes(10));
        assertThatThrownBy(() -> small.description(42)).hasMessageContaining("more than the limit of 10");
    }

    @Test
    void refusesSparseDatasets() {
        server.format = "Sparse_ARFF";
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE))
            .hasMessageContaining("Sparse_ARFF").hasMessageContaining("dense ARFF");
    }

    @Test
    void cancellingADownloadLeavesTheCacheClean() {
        final DownloadListener cancel = new DownloadListener() {
            @Override
            public void progress(final long done, final long total) {
            }

            @Override
            public boolean cancelRequested() {
                return true;
            }
        };
        assertThatThrownBy(() -> client.arff(new DatasetDescription(42, "tiny", 1, "99",
            server.root() + "data/v1/download/99/tiny.arff", "", "ARFF", "class", "active"), cancel))
            .isInstanceOf(CancellationException.class);
        assertThat(cache.resolve(folder() + "/data/v1/download/99.gz")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    private Stream<Path> leftovers() {
        try {
            final Path tmp = cache.resolve(".tmp");
            return Files.isDirectory(tmp) ? Files.list(tmp).toList().stream() : Stream.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String gunzip(final Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
