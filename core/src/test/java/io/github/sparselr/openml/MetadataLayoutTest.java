package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.io.DatasetLayout;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The layout a configure can know from OpenML's description and feature list, without the data file. */
class MetadataLayoutTest extends FakeOpenMlTest {

    @Test
    void tellsTheFeaturesTargetAndClassesFromTheMetadataWithoutTheDataFile() throws IOException {
        final DatasetLayout layout = client.metadataLayout(0, "tiny", 1, null);
        assertThat(layout.features()).containsExactly("a", "b");
        assertThat(layout.target()).isEqualTo("class");
        assertThat(layout.classes()).containsExactly("no", "yes");
        assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero();
        assertThat(server.requests("/api/v1/json/data/qualities/42")).isZero();
        // the answers are cached: asked again, nothing goes to the server
        client.metadataLayout(42, null, 0, "");
        assertThat(server.requests(FakeOpenMl.DESCRIPTION_PATH)).isEqualTo(1);
        // and they are the layout load produces
        final OpenMlDataset loaded = client.load(42, null, DownloadListener.NONE);
        assertThat(loaded.data().columnNames()).isEqualTo(layout.features());
        assertThat(loaded.data().targetName()).isEqualTo(layout.target());
    }

    @Test
    void leavesOutWhatFetchOpenmlDropsAndSortsTheClasses() throws IOException {
        server.features = FakeOpenMl.features("b:numeric", "id:numeric:rowid", "note:nominal=x|y:ignore",
            "class:nominal=yes|no|maybe:target", "a:numeric");
        final DatasetLayout layout = client.metadataLayout(42, null, 0, null);
        assertThat(layout.features()).containsExactly("b", "a");
        assertThat(layout.classes()).containsExactly("maybe", "no", "yes");
        // a chosen string target's classes are only known from the data
        server.features = FakeOpenMl.features("a:numeric", "b:numeric", "text:string", "class:nominal=no|yes:target");
        client = new OpenMlClient(OpenMlConfig.defaults(cache.resolve("other")).withServer(server.root()));
        final DatasetLayout text = client.metadataLayout(42, null, 0, "text");
        assertThat(text.features()).containsExactly("a", "b", "class");
        assertThat(text.classes()).isEmpty();
    }

    @Test
    void readsANominalValueListOfOneAsOpenMlWritesIt() throws IOException {
        server.features = "{\"data_features\":{\"feature\":[{\"index\":\"0\",\"name\":\"a\",\"data_type\":\"numeric\"},"
            + "{\"index\":\"1\",\"name\":\"class\",\"data_type\":\"nominal\",\"is_target\":\"true\","
            + "\"nominal_value\":\"only\"}]}}";
        assertThat(client.metadataLayout(42, null, 0, null).classes()).containsExactly("only");
    }

    @Test
    void refusesASparseDatasetAndAnUnknownTargetBeforeAnyDownloadOfData() {
        server.format = "Sparse_ARFF";
        assertThatThrownBy(() -> client.metadataLayout(42, null, 0, null)).isInstanceOf(OpenMlException.class)
            .hasMessageContaining("Sparse_ARFF");
        assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero();
    }

    @Test
    void namesTheTargetCandidatesWhenTheChosenTargetIsNoAttribute() {
        assertThatThrownBy(() -> client.metadataLayout(42, null, 0, "label"))
            .isInstanceOf(TargetChoiceException.class).hasMessageContaining("no attribute 'label'");
        assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero();
    }
}
