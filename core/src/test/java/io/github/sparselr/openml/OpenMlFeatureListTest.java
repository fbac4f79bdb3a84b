package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * OpenML's feature list and the ARFF file must describe the same attributes: configure announces the
 * columns from the feature list, execute reads them from the file.
 */
class OpenMlFeatureListTest extends FakeOpenMlTest {

    @Test
    void rejectsAnArffFileWithAttributesTheFeatureListDoesNotName() throws IOException {
        server.arff = "@relation tiny\n@attribute id numeric\n@attribute a numeric\n@attribute b numeric\n"
            + "@attribute junk numeric\n@attribute class {no,yes}\n@data\n1,1,2,0,no\n2,3,4,0,yes\n";
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("OpenML's feature list of dataset 42 ('tiny') and its ARFF file disagree")
            .hasMessageContaining("attribute 1 is 'id' in the ARFF file but 'a' in the feature list");
        // the cached copy is not read as a layout either
        assertThat(client.cachedLayout(42, null, 0, null)).isNull();
    }

    @Test
    void rejectsAnotherOrderOfTheSameAttributes() {
        server.features = FakeOpenMl.features("b:numeric", "a:numeric", "class:nominal=no|yes:target");
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("dataset 42").hasMessageContaining("attribute 1 is 'a' in the ARFF file but 'b'");
    }

    @Test
    void rejectsAnAttributeOnlyOneOfThemHas() {
        server.features = FakeOpenMl.features("a:numeric", "b:numeric", "class:nominal=no|yes:target", "extra:numeric");
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("the ARFF file has 3 attributes, the feature list 4 (attribute 4, 'extra', is only "
                + "in the feature list)");
    }

    @Test
    void rejectsOtherClassesForTheTargetThanTheArffFileHas() {
        server.features = FakeOpenMl.features("a:numeric", "b:numeric", "class:nominal=zz|yy:target");
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("dataset 42").hasMessageContaining(
                "the nominal target 'class' has the values [no, yes] in the ARFF file but [zz, yy] in the feature list");
    }

    @Test
    void rejectsAFeatureListNamingAnAttributeTwice() {
        server.features = FakeOpenMl.features("a:numeric", "a:numeric", "class:nominal=no|yes:target");
        assertThatThrownBy(() -> client.metadataLayout(42, null, 0, null)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("OpenML's feature list of dataset 42 names 'a' twice");
    }

    @Test
    void namesTheDatasetAndItsFileInAnArffError() {
        server.arff = FakeOpenMl.ARFF.replace("3,4,yes", "3,four,yes");
        assertThatThrownBy(() -> client.load(42, null, DownloadListener.NONE)).isInstanceOf(IOException.class)
            .hasMessageContaining("the ARFF file of OpenML dataset 42 ('tiny', ")
            .hasMessageContaining("data/v1/download/99.gz");
    }

    @Test
    void aNameOfDotsIsLookedUpAsThatNameNotResolvedAway() {
        for (final String name : new String[] {"..", "."}) {
            assertThatThrownBy(() -> client.resolve(name, 1)).isInstanceOf(OpenMlException.class)
                .hasMessageContaining("OpenML has no active dataset named '" + name + "'");
        }
        assertThat(server.requests("/api/v1/json/data/list/data_name/%2E%2E/limit/2/data_version/1")).isEqualTo(1);
        assertThat(server.requests("/api/v1/json/data/list/limit/2/data_version/1")).isZero();
        assertThat(server.requests("/api/v1/json/data/list/data_name/limit/2/data_version/1")).isZero();
    }

    @Test
    void rejectsAnAnswerForAnotherDatasetName() throws IOException {
        server.extra.put("/api/v1/json/data/list/data_name/tiny/limit/2/data_version/1",
            "{\"data\":{\"dataset\":[{\"did\":7,\"name\":\"anneal\",\"version\":1}]}}");
        assertThatThrownBy(() -> client.resolve("Tiny", 1)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("OpenML's answer for dataset 'Tiny' version 1 names the dataset 'anneal' (id 7), "
                + "not the one asked for");
        server.extra.clear();
        assertThat(client.resolve("TINY", 1)).isEqualTo(42); // OpenML matches names case-insensitively
    }
}
