package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.io.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which attributes become the target, the features or nothing, compared with scikit-learn 1.2.1's fetch_openml. */
class OpenMlSemanticsTest extends FakeOpenMlTest {

    /** id, then a (numeric), an ignored attribute, b (numeric), class: as OpenML datasets with a row id are laid out. */
    private static final String ARFF_WITH_ID = "@relation tiny\n@attribute id numeric\n@attribute a numeric\n"
        + "@attribute note {x,y}\n@attribute b numeric\n@attribute class {no,yes}\n@data\n"
        + "101,1,x,2,no\n102,3,y,4,yes\n103,5,x,6,yes\n";

    @Override
    int retries() {
        return 1;
    }

    @Test
    void dropsTheRowIdentifierAndTheIgnoredAttributesAsFetchOpenmlDoes() throws IOException {
        server.arff = ARFF_WITH_ID;
        server.features = FakeOpenMl.features("id:numeric:rowid", "a:numeric", "note:nominal:ignore", "b:numeric",
            "class:nominal:target");
        final OpenMlDataset fetched = client.load(42, null, DownloadListener.NONE);
        assertThat(fetched.data().columnNames()).containsExactly("a", "b");
        assertThat(fetched.data().values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(fetched.data().targetName()).isEqualTo("class");
        assertThat(fetched.roles().rowIdentifiers()).containsExactly("id");
        assertThat(fetched.roles().ignored()).containsExactly("note");
    }

    @Test
    void readsAScikitLearnCacheOfTheZooDatasetAsFetchOpenmlDoes() throws Exception {
        // the public server's files where scikit-learn 1.2.1 caches them: read offline, from the cache alone
        final Path root = copyFixture("sklearn-cache/openml");
        final OpenMlClient offline = new OpenMlClient(OpenMlConfig.defaults(root).withRetries(0, Duration.ZERO)
            .withTimeouts(Duration.ofMillis(200), Duration.ofMillis(200)));
        final JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("sklearn-cache/zoo-fetch_openml.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        final DatasetLayout layout = offline.cachedLayout(62, null, 0, null);
        final OpenMlDataset zoo = offline.load(62, null, DownloadListener.NONE);
        final DenseDataset data = zoo.data();

        assertThat(data.columnNames()).containsExactlyElementsOf(strings(reference.get("feature_names")));
        assertThat(layout.features()).containsExactlyElementsOf(strings(reference.get("feature_names")));
        assertThat(List.of(data.targetName())).containsExactlyElementsOf(strings(reference.get("target_names")));
        assertThat(layout.target()).isEqualTo(data.targetName());
        assertThat(new int[] {data.rows(), data.cols()}).containsExactly(reference.get("shape").get(0).asInt(),
            reference.get("shape").get(1).asInt());
        final double[] first = new double[data.cols()];
        for (int j = 0; j < first.length; j++) {
            first[j] = reference.get("first_row").get(j).asDouble();
        }
        assertThat(java.util.Arrays.copyOf(data.values(), data.cols())).containsExactly(first);
        assertThat(data.labels()[0]).isEqualTo(reference.get("first_target").asText());
        assertThat(zoo.roles().ignored()).containsExactly("animal");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(4); // nothing downloaded
        }
    }

    @Test
    void asksForATargetNamingTheCandidatesWhenTheDatasetHasNoDefault() throws IOException {
        server.arff = ARFF_WITH_ID;
        server.defaultTarget = null;
        server.features = FakeOpenMl.features("id:numeric:rowid", "a:numeric", "note:nominal:ignore", "b:numeric",
            "class:nominal");
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE))
            .isInstanceOfSatisfying(TargetChoiceException.class,
                e -> assertThat(e.candidates()).containsExactly("class"))
            .hasMessageContaining("has no default target").hasMessageContaining("'class'");
        assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero(); // asked before downloading the data

        final OpenMlDataset chosen = client.load(42, "class", DownloadListener.NONE);
        assertThat(chosen.data().targetName()).isEqualTo("class");
        // configure knows it too, once the metadata is cached
        assertThatThrownBy(() -> client.cachedLayout(42, null, 0, "")).isInstanceOf(TargetChoiceException.class);
        assertThat(client.cachedLayout(42, null, 0, "class").features()).containsExactly("a", "b");
    }

    @Test
    void keepsAChosenTargetsNameAndRejectsOneThatIsNoAttribute() throws IOException {
        server.arff = "@relation t\n@attribute a numeric\n@attribute digit {0,1}\n@attribute kind {p,q}\n@data\n"
            + "1,0,p\n2,1,q\n";
        server.md5 = null;
        server.features = FakeOpenMl.features("a:numeric", "digit:nominal:target", "kind:nominal");
        final OpenMlDataset byDefault = client.load(42, null, DownloadListener.NONE);
        assertThat(byDefault.data().targetName()).isEqualTo("digit");
        assertThat(byDefault.data().columnNames()).containsExactly("a", "kind");
        final OpenMlDataset chosen = client.load(42, "kind", DownloadListener.NONE);
        assertThat(chosen.data().targetName()).isEqualTo("kind");
        assertThat(chosen.data().columnNames()).containsExactly("a", "digit");
        assertThatThrownBy(() -> client.load(42, "label", DownloadListener.NONE))
            .isInstanceOf(TargetChoiceException.class).hasMessageContaining("no attribute 'label'")
            .hasMessageContaining("'digit', 'kind'");
    }

    @Test
    void refusesSeveralDefaultTargetsAndAsksForOne() {
        server.features = FakeOpenMl.features("a:numeric", "b:nominal:target", "class:nominal:target");
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE))
            .isInstanceOf(TargetChoiceException.class).hasMessageContaining("2 default targets ('b', 'class')");
    }

    @Test
    void acceptsOnlyDigitsAsAFileIdSoNoOtherCacheEntryCanBeReached() throws IOException {
        client.description(42); // cached
        final Path cachedDescription = cache.resolve("127.0.0.1_" + server.port() + "/api/v1/json/data/42.gz");
        final byte[] before = Files.readAllBytes(cachedDescription);
        // dataset 43's file id climbs from data/v1/download/ to dataset 42's description
        server.extra.put("/api/v1/json/data/43", "{\"data_set_description\":{\"id\":\"43\",\"name\":\"evil\","
            + "\"version\":\"1\",\"format\":\"ARFF\",\"file_id\":\"../../api/v1/json/data/42\","
            + "\"md5_checksum\":\"0123456789abcdef0123456789abcdef\",\"status\":\"active\"}}");
        server.extra.put("/api/v1/json/data/features/43", FakeOpenMl.FEATURES);
        server.extra.put("/api/v1/json/data/qualities/43", "{\"data_qualities\":{\"quality\":[]}}");

        assertThatThrownBy(() -> client.load(43, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("file_id '../../api/v1/json/data/42'").hasMessageContaining("as numbers");
        assertThat(cachedDescription).isRegularFile();
        assertThat(Files.readAllBytes(cachedDescription)).isEqualTo(before);
        assertThat(server.requests(FakeOpenMl.DESCRIPTION_PATH)).isEqualTo(1);
        // and the answer that cannot be used is not kept
        assertThat(cache.resolve("127.0.0.1_" + server.port() + "/api/v1/json/data/43.gz")).doesNotExist();
    }

    @Test
    void sizesTheMatrixByTheBytesPresentNotByAnInstanceCountOpenMlClaims() throws IOException {
        // 2e9 rows of 3 attributes would be 48 GB up front (and overflows an int); the file holds 3 rows
        server.instances = "2000000000";
        final OpenMlDataset fetched = client.load(42, null, DownloadListener.NONE);
        assertThat(fetched.data().rows()).isEqualTo(3);
        assertThat(fetched.data().values()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private Path copyFixture(final String resource) throws IOException, URISyntaxException {
        final Path source = Path.of(getClass().getResource(resource).toURI());
        final Path target = cache.resolve("copy");
        try (Stream<Path> files = Files.walk(source)) {
            for (final Path p : (Iterable<Path>) files::iterator) {
                final Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
