package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache is keyed by server: scikit-learn's layout for the public server, the host for any other. */
class OpenMlCacheTest {

    @TempDir
    Path cache;

    private OpenMlClient client(final URI server) {
        return new OpenMlClient(OpenMlConfig.defaults(cache).withServer(server)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withRetries(0, Duration.ZERO));
    }

    @Test
    void oneServersCacheNeverAnswersForAnother() throws IOException {
        try (FakeOpenMl test = new FakeOpenMl(); FakeOpenMl other = new FakeOpenMl()) {
            other.arff = FakeOpenMl.ARFF.replace("1,2,no", "7,8,yes");
            assertThat(client(test.root()).load(42, null, DownloadListener.NONE).data().values()[0]).isEqualTo(1);

            // the same dataset id on another server is that server's dataset
            assertThat(client(other.root()).load(42, null, DownloadListener.NONE).data().values()[0]).isEqualTo(7);
            assertThat(other.requests(FakeOpenMl.ARFF_PATH)).isEqualTo(1);
            assertThat(cache.resolve("127.0.0.1_" + test.port() + "/data/v1/download/99.gz")).isRegularFile();
            assertThat(cache.resolve("127.0.0.1_" + other.port() + "/data/v1/download/99.gz")).isRegularFile();

            // and a client of the public server finds nothing of theirs, offline
            assertThat(client(OpenMlConfig.PUBLIC_SERVER).cachedLayout(42, null, 0, null)).isNull();
            assertThat(client(OpenMlConfig.PUBLIC_SERVER).cachedLayout(42, null, 0, "class")).isNull();
            assertThat(cache.resolve("openml.org")).doesNotExist();
        }
    }

    @Test
    void namesTheFolderOfEachServer() {
        assertThat(CacheFolder.serverFolder(URI.create("https://www.openml.org/api/v1/json/data/1")))
            .isEqualTo("openml.org");
        assertThat(CacheFolder.serverFolder(URI.create("https://openml.org/api/v1/json/data/1")))
            .isEqualTo("openml.org"); // scikit-learn's _OPENML_PREFIX
        assertThat(CacheFolder.serverFolder(URI.create("https://test.openml.org/api/v1/json/data/1")))
            .isEqualTo("test.openml.org");
        assertThat(CacheFolder.serverFolder(URI.create("https://www.openml.org:8443/api/v1/json/data/1")))
            .isEqualTo("www.openml.org_8443");
        assertThat(CacheFolder.serverFolder(URI.create("http://www.openml.org/api/v1/json/data/1")))
            .isEqualTo("www.openml.org");
        assertThat(CacheFolder.serverFolder(URI.create("http://[::1]:8080/x"))).isEqualTo("___1__8080");
    }

    @Test
    void neitherDeletesNorOverwritesAUsersFileThroughALinkInTheCache() throws IOException {
        try (FakeOpenMl server = new FakeOpenMl()) {
            final Path victim = Files.createDirectories(cache.resolveSibling(cache.getFileName() + "-victim"));
            final Path users = Files.writeString(victim.resolve("99.gz"), "the user's own file");
            final Path download = cache.resolve("127.0.0.1_" + server.port() + "/data/v1/download");
            Files.createDirectories(download.getParent());
            Files.createSymbolicLink(download, victim);

            assertThatThrownBy(() -> client(server.root()).load(42, null, DownloadListener.NONE))
                .isInstanceOf(OpenMlException.class).hasMessageContaining(download.resolve("99.gz").toString())
                .hasMessageContaining("leads out of the cache");
            assertThat(Files.readString(users)).isEqualTo("the user's own file");
            assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero();
        }
    }

    @Test
    void refusesACachedFileThatIsALinkAndASymlinkedServerFolder() throws IOException {
        try (FakeOpenMl server = new FakeOpenMl()) {
            final Path elsewhere = Files.createDirectories(cache.resolveSibling(cache.getFileName() + "-elsewhere"));
            final Path users = Files.writeString(elsewhere.resolve("mine"), "the user's own file");
            final Path description = cache.resolve("127.0.0.1_" + server.port() + "/api/v1/json/data/42.gz");
            Files.createDirectories(description.getParent());
            Files.createSymbolicLink(description, users);
            assertThatThrownBy(() -> client(server.root()).description(42)).isInstanceOf(OpenMlException.class)
                .hasMessageContaining("leads out of the cache").hasMessageContaining("symbolic link");
            assertThat(Files.readString(users)).isEqualTo("the user's own file");

            final FakeOpenMl other = new FakeOpenMl();
            try (other) {
                Files.createSymbolicLink(cache.resolve("127.0.0.1_" + other.port()), elsewhere);
                assertThatThrownBy(() -> client(other.root()).description(42)).isInstanceOf(OpenMlException.class)
                    .hasMessageContaining("leads out of the cache");
                assertThat(elsewhere.resolve("api")).doesNotExist();
            }
        }
    }

    @Test
    void cachedFilesGetThePermissionsTheUmaskGives() throws IOException {
        try (FakeOpenMl server = new FakeOpenMl()) {
            client(server.root()).load(42, null, DownloadListener.NONE);
            final Path plain = Files.createFile(cache.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(cache.resolve("127.0.0.1_" + server.port()
                + "/data/v1/download/99.gz"))).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void aServerUrlThatMayNotDownloadIsNotAnsweredFromTheCacheEither() throws IOException {
        try (FakeOpenMl server = new FakeOpenMl()) {
            client(server.root()).load(42, null, DownloadListener.NONE);
            final OpenMlClient ftp = client(URI.create("ftp://127.0.0.1:" + server.port() + "/"));
            assertThatThrownBy(() -> ftp.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
                .hasMessageContaining("https only");
            assertThat(ftp.cachedLayout(42, null, 0, null)).isNull();
        }
    }

    @Test
    void refusesAServerUrlWithAUserNameOrPasswordWithoutRepeatingIt() {
        assertThatThrownBy(() -> OpenMlConfig.defaults(cache).withServer(URI.create("http://user:s3cret@127.0.0.1:1/")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name or password")
            .hasMessageNotContaining("s3cret");
    }

    @Test
    void leavesALinkAmongThePartFilesAndWhatItPointsToAlone() throws IOException {
        try (FakeOpenMl server = new FakeOpenMl()) {
            final Path users = Files.writeString(cache.resolveSibling(cache.getFileName() + "-own"), "the user's");
            final Path link = Files.createSymbolicLink(Files.createDirectories(cache.resolve(".tmp"))
                .resolve("download-1.part"), users);
            final java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(0);
            Files.setLastModifiedTime(users, old);
            client(server.root()).load(42, null, DownloadListener.NONE);
            assertThat(Files.readString(users)).isEqualTo("the user's");
            assertThat(Files.getLastModifiedTime(users)).isEqualTo(old); // not even opened for writing
            assertThat(Files.isSymbolicLink(link)).isTrue();
        }
    }
}
