package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads that expand too far, never end, end early in their gzip data, or die midway. */
class OpenMlTransportTest {

    private static final String ARFF_PATH = FakeOpenMl.ARFF_PATH;

    @TempDir
    Path cache;

    private FakeOpenMl server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenMl();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenMlConfig config() {
        return OpenMlConfig.defaults(cache).withServer(server.root())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)).withRetries(2, Duration.ofMillis(10));
    }

    private Path arffEntry() {
        return cache.resolve("127.0.0.1_" + server.port() + "/data/v1/download/99.gz");
    }

    @Test
    void stopsAGzipBombAtTheSizeOpenMlsFiguresAllow() {
        // 1 GiB of zeros is about 1 MB of gzip, well under the download limit; tiny has 3 instances of 3
        // attributes, so its ARFF file may expand to 1 MiB + 3 * 3 * 64 bytes, not more
        final OpenMlClient client = new OpenMlClient(config().withMaxUncompressedBytes(4096));
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.gzipBomb(1L << 30));
        assertThat(FakeOpenMl.bomb(1L << 30).length).isLessThan(2_000_000);
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("The ARFF file of dataset 42 ('tiny') expands past 2 MB uncompressed (more than "
                + ((1 << 20) + 3 * 3 * 64) + " bytes)").hasMessageContaining("OpenML's figures (3 instances, 3 attributes)")
            .hasMessageContaining("raise the maximum uncompressed size");
        assertThat(server.requests(ARFF_PATH)).isEqualTo(1); // not retried: it would expand just as far again
        assertThat(arffEntry()).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aClaimedRowCountCannotLiftTheArffCapPastWhatTheHeapCanParse() {
        // OpenML claims 2e8 instances: its figures would allow 2e8 * 3 * 64 bytes (36 GB); a heap of 64 MiB
        // parses at most 8 MiB of ARFF text, so the 64 MiB bomb stops there (the setting, 4 KiB, is lower)
        server.instances = "200000000.0";
        final OpenMlClient client = new OpenMlClient(config().withMaxUncompressedBytes(4096), 64L << 20);
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.gzipBomb(64L << 20));
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("The ARFF file of dataset 42 ('tiny') expands past 8 MB uncompressed")
            .hasMessageContaining("OpenML's figures (200000000 instances, 3 attributes)")
            .hasMessageContaining("this Java heap (64 MB) can parse at most 8 MB of ARFF text")
            .hasMessageContaining("setting maxUncompressedBytes").hasMessageContaining("Java heap (-Xmx)");
        assertThat(arffEntry()).doesNotExist();

        // the setting stays the user's word: raised past the heap's share, it is the cap
        final OpenMlClient raised = new OpenMlClient(config().withMaxUncompressedBytes(16L << 20), 64L << 20);
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.gzipBomb(64L << 20));
        assertThatThrownBy(() -> raised.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("expands past 16 MB uncompressed");
    }

    @Test
    void stopsAJsonAnswerThatExpandsPastTheLimitAndTheSettingRaisesIt() throws IOException {
        server.failNext(FakeOpenMl.DESCRIPTION_PATH, FakeOpenMl.Fault.gzipBomb(8L << 20));
        assertThatThrownBy(() -> new OpenMlClient(config().withMaxUncompressedBytes(1 << 20)).description(42))
            .isInstanceOf(OpenMlException.class)
            .hasMessageContaining("OpenML's description of dataset 42 expands past 1 MB uncompressed (more than 1048576 bytes)");
        // raised above it, the same answer is read through, and fails only as the non-JSON it is
        server.failNext(FakeOpenMl.DESCRIPTION_PATH, FakeOpenMl.Fault.gzipBomb(8L << 20));
        assertThatThrownBy(() -> new OpenMlClient(config().withMaxUncompressedBytes(16 << 20)).description(42))
            .isInstanceOf(OpenMlException.class).hasMessageContaining("not valid JSON");
        assertThat(new OpenMlClient(config()).description(42).fileId()).isEqualTo("99");
    }

    @Test
    void endsADownloadThatTricklesPastItsTimeLimit() {
        // one byte every 150 ms never lets the 500 ms read timeout fire
        final OpenMlClient client = new OpenMlClient(config().withDownloadTimeLimit(Duration.ofSeconds(1)));
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.trickle(150));
        final long start = System.nanoTime();
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("did not finish within the download time limit of 1 s")
            .hasMessageContaining(ARFF_PATH).hasMessageContaining("raise the download time limit");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests(ARFF_PATH)).isEqualTo(1);
        assertThat(arffEntry()).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void cancellingATrickleStopsItPromptly() {
        final OpenMlClient client = new OpenMlClient(config().withDownloadTimeLimit(Duration.ofMinutes(5)));
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.trickle(150));
        final long start = System.nanoTime();
        final DownloadListener cancelSoon = new DownloadListener() {
            @Override
            public void progress(final long done, final long total) {
            }

            @Override
            public boolean cancelRequested() {
                return System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(400);
            }
        };
        assertThatThrownBy(() -> client.load(42, null, cancelSoon)).isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(leftovers()).isZero();
    }

    @Test
    void retriesAChunkedGzipBodyCutShortThenSaysSoClearly() throws IOException {
        final OpenMlClient client = new OpenMlClient(config());
        server.failNext(ARFF_PATH, FakeOpenMl.Fault.truncatedChunkedGzip());
        assertThat(client.load(42, null, DownloadListener.NONE).data().rows()).isEqualTo(3);
        assertThat(server.requests(ARFF_PATH)).isEqualTo(2);

        server.failNext(FakeOpenMl.DESCRIPTION_PATH, FakeOpenMl.Fault.truncatedChunkedGzip(),
            FakeOpenMl.Fault.truncatedChunkedGzip(), FakeOpenMl.Fault.truncatedChunkedGzip());
        final OpenMlClient fresh = new OpenMlClient(config().withServer(server.root()));
        java.nio.file.Files.delete(cache.resolve("127.0.0.1_" + server.port() + "/api/v1/json/data/42.gz"));
        assertThatThrownBy(() -> fresh.description(42)).isInstanceOf(OpenMlUnavailableException.class)
            .hasMessageContaining("failed 3 times").hasMessageContaining(FakeOpenMl.DESCRIPTION_PATH)
            .hasMessageContaining("ends early: it was cut short. Check the network")
            .hasMessageNotContaining("..");
        assertThat(leftovers()).isZero();
    }

    @Test
    void cleansPartFilesLeftByAKilledDownloadButNoneAliveOrNotOurs() throws Exception {
        final Path tmp = Files.createDirectories(cache.resolve(".tmp"));
        final FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        final Path abandoned = oldFile(tmp.resolve("download-111.part"), twoHoursAgo);
        final Path fresh = Files.writeString(tmp.resolve("download-222.part"), "in progress");
        final Path notOurs = oldFile(tmp.resolve("notes.part"), twoHoursAgo);
        final Path notOursEither = oldFile(tmp.resolve("download-333.tmp"), twoHoursAgo);
        final Path held = oldFile(tmp.resolve("download-444.part"), twoHoursAgo);
        final Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), PartFileHolder.class.getName(), held.toString())
            .redirectErrorStream(true).start();
        try {
            final BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            Files.setLastModifiedTime(held, twoHoursAgo);

            new OpenMlClient(config()).description(42); // the next use of the cache
            assertThat(abandoned).doesNotExist();
            assertThat(fresh).exists();
            assertThat(notOurs).exists();
            assertThat(notOursEither).exists();
            assertThat(held).exists(); // its process is alive

            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9 mid-download
            new OpenMlClient(config()).load(42, null, DownloadListener.NONE);
            assertThat(held).doesNotExist();
            assertThat(fresh).exists();
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path oldFile(final Path file, final FileTime time) throws IOException {
        Files.writeString(file, "left behind");
        Files.setLastModifiedTime(file, time);
        return file;
    }

    private long leftovers() {
        try {
            final Path tmp = cache.resolve(".tmp");
            try (var files = Files.list(tmp)) {
                return Files.isDirectory(tmp) ? files.count() : 0;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
