package io.github.sparselr.knime.node.openmlreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.NodeWithSettings;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.openml.FakeOpenMl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The reader's spec at configure, from headers and OpenML's metadata only: exactly the spec execute
 * produces, for every kind of source, and no data file is read to get it.
 */
class OpenMlReaderConfigureTest {

    @TempDir
    Path dir;

    /** 30 rows of x, y and a class among c0..c2; the header also declares c9, which no row has. */
    private static String arff(final boolean brokenData) {
        final StringBuilder s = new StringBuilder("@relation t\n@attribute x numeric\n@attribute y numeric\n"
            + "@attribute class {c2,c9,c0,c1}\n@data\n");
        for (int i = 0; i < 30; i++) {
            s.append(i).append(',').append(2 * i).append(",c").append(i % 3).append('\n');
        }
        return brokenData ? s.append("this,is not,an ARFF row\n").toString() : s.toString();
    }

    private static HeadlessNode node(final String... keyValues) throws InvalidSettingsException {
        return NodeWithSettings.of(new OpenMlReaderNodeFactory(), keyValues);
    }

    /**
     * Configures, executes (checking KNIME's promise strictly), and compares the specs: columns, names,
     * types, and the target's domain.
     */
    private static DataTableSpec configureThenExecute(final HeadlessNode node) throws Exception {
        final PortObjectSpec[] configured = node.configure();
        assertThat(configured).doesNotContainNull();
        final PortObject[] out = ConfigurePromise.execute(node);
        for (int i = 0; i < 2; i++) {
            final DataTableSpec executed = ((BufferedDataTable) out[i]).getDataTableSpec();
            final DataTableSpec promised = (DataTableSpec) configured[i];
            // KNIME's table container adds the number columns' bounds, which only the rows tell
            assertThat(executed.equalStructure(promised)).as("%s equals %s", executed, promised).isTrue();
            final int target = promised.getNumColumns() - 1;
            assertThat(promised.getColumnSpec(target).getDomain().hasValues())
                .isEqualTo(executed.getColumnSpec(target).getDomain().hasValues());
            if (promised.getColumnSpec(target).getDomain().hasValues()) {
                assertThat(List.copyOf(executed.getColumnSpec(target).getDomain().getValues()))
                    .containsExactlyElementsOf(promised.getColumnSpec(target).getDomain().getValues());
            }
        }
        return (DataTableSpec) configured[0];
    }

    @Test
    void configuresALocalArffFromItsHeaderWithTheSpecExecuteProduces() throws Exception {
        final Path file = dir.resolve("t.arff");
        Files.writeString(file, arff(false));
        final DataTableSpec spec = configureThenExecute(node("source", "local", "local_path", file.toString(),
            "train_rows", "20", "test_rows", "10"));
        assertThat(spec.getColumnNames()).containsExactly("x", "y", "class");
        // the header's classes, as KNIME's own ARFF Reader takes them, even one that no row has
        assertThat(spec.getColumnSpec("class").getDomain().getValues()).containsExactly(new StringCell("c0"),
            new StringCell("c1"), new StringCell("c2"), new StringCell("c9"));
    }

    @Test
    void configuresALocalArffWithoutReadingItsData() throws Exception {
        final Path file = dir.resolve("t.arff");
        Files.writeString(file, arff(true));
        final HeadlessNode node = node("source", "local", "local_path", file.toString(), "train_rows", "20",
            "test_rows", "10");
        assertThat(((DataTableSpec) node.configure()[0]).getColumnNames()).containsExactly("x", "y", "class");
        assertThatThrownBy(node::execute).hasMessageContaining("line 36"); // only execute reads the rows
    }

    @Test
    void configuresALocalCsvFromItsFirstLineWithTheColumnsExecuteProduces() throws Exception {
        final Path file = dir.resolve("t.csv");
        final StringBuilder csv = new StringBuilder("a,label,b\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i).append(i % 2 == 0 ? ",even," : ",odd,").append(i * i).append('\n');
        }
        Files.writeString(file, csv);
        final DataTableSpec spec = configureThenExecuteColumns(node("source", "local", "local_path", file.toString(),
            "target", "label", "train_rows", "8", "test_rows", "4"));
        assertThat(spec.getColumnNames()).containsExactly("a", "b", "label");
        // a CSV file declares no classes: the domain is left to execute
        assertThat(spec.getColumnSpec("label").getDomain().hasValues()).isFalse();

        Files.writeString(file, csv + "1,broken\n");
        final HeadlessNode broken = node("source", "local", "local_path", file.toString(), "target", "label",
            "train_rows", "8", "test_rows", "4");
        assertThat(broken.configure()[0]).isEqualTo(spec);
        assertThatThrownBy(broken::execute).hasMessageContaining("record 14");
    }

    /** For a CSV file: the same columns (names and types, in order); the domain only execute knows. */
    private static DataTableSpec configureThenExecuteColumns(final HeadlessNode node) throws Exception {
        final PortObjectSpec[] configured = node.configure();
        final PortObject[] out = ConfigurePromise.execute(node);
        assertThat(((BufferedDataTable) out[0]).getDataTableSpec().equalStructure((DataTableSpec) configured[0]))
            .isTrue();
        return (DataTableSpec) configured[0];
    }

    @Test
    void configuresAnIdxFolderFromItsHeadersAndLabelFilesWithTheSpecExecuteProduces() throws Exception {
        writeIdx("train-images-idx3-ubyte", new int[] {3, 1, 2}, new byte[] {1, 2, 3, 4, 5, 6});
        writeIdx("train-labels-idx1-ubyte", new int[] {3}, new byte[] {7, 1, 7});
        writeIdx("t10k-images-idx3-ubyte", new int[] {2, 1, 2}, new byte[] {9, 9, 8, 8});
        writeIdx("t10k-labels-idx1-ubyte", new int[] {2}, new byte[] {0, 1});
        final DataTableSpec spec = configureThenExecute(node("source", "local", "local_path", dir.toString(),
            "train_rows", "3", "test_rows", "2"));
        assertThat(spec.getColumnNames()).containsExactly("pixel1", "pixel2", "class");
        assertThat(spec.getColumnSpec("class").getDomain().getValues()).containsExactly(new StringCell("0"),
            new StringCell("1"), new StringCell("7"));

        // the training images' pixels cut short: configure compares the header with the file's length
        // (without reading the pixels) and names the file
        writeIdx("train-images-idx3-ubyte", new int[] {3, 1, 2}, new byte[] {1, 2});
        final HeadlessNode cut = node("source", "local", "local_path", dir.toString(), "train_rows", "3",
            "test_rows", "2");
        assertThatThrownBy(cut::configure).hasMessageContaining("train-images-idx3-ubyte")
            .hasMessageContaining("truncated");
    }

    @Test
    void configuresFromOpenMlWithAnEmptyCacheFromTheMetadataAloneAndExecuteProducesThatSpec() throws Exception {
        try (FakeOpenMl server = new FakeOpenMl()) {
            server.arff = tinyArff();
            server.features = FakeOpenMl.features("a:numeric", "b:numeric", "class:nominal=yes|no|maybe:target");
            final HeadlessNode node = node("dataset_name", "tiny", "server_url", server.root().toString(), "cache_dir",
                dir.resolve("cache").toString(), "train_rows", "12", "test_rows", "8");
            final PortObjectSpec[] configured = node.configure();
            assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero();
            assertThat(((DataTableSpec) configured[0]).getColumnNames()).containsExactly("a", "b", "class");
            assertThat(((DataTableSpec) configured[0]).getColumnSpec("class").getDomain().getValues())
                .containsExactly(new StringCell("maybe"), new StringCell("no"), new StringCell("yes"));

            configureThenExecute(node);
            assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isEqualTo(1);
            // the metadata configure fetched is cached: execute and later configures ask nothing again
            assertThat(server.requests(FakeOpenMl.DESCRIPTION_PATH)).isEqualTo(1);
            assertThat(server.requests("/api/v1/json/data/features/42")).isEqualTo(1);
        }
    }

    /** 20 rows of a, b and class (no/yes; "maybe" is declared by the feature list only). */
    private static String tinyArff() {
        final StringBuilder s = new StringBuilder("@relation tiny\n@attribute a numeric\n@attribute b numeric\n"
            + "@attribute class {no,yes,maybe}\n@data\n");
        for (int i = 0; i < 20; i++) {
            s.append(i).append(',').append(i % 4).append(i % 2 == 0 ? ",no\n" : ",yes\n");
        }
        return s.toString();
    }

    @Test
    void failsConfigureWithinItsTimeoutsNamingTheServerWhenOpenMlDoesNotAnswer() throws Exception {
        try (FakeOpenMl server = new FakeOpenMl()) {
            server.failNext(FakeOpenMl.DESCRIPTION_PATH, FakeOpenMl.Fault.delay(60_000));
            final HeadlessNode node = node("dataset_id", "42", "server_url", server.root().toString(), "cache_dir",
                dir.resolve("cache").toString());
            final long start = System.nanoTime();
            assertThatThrownBy(node::configure).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(server.root().toString()).hasMessageContaining("'local_path'");
            // configure's 10 s read timeout, not execute's 30 s (three times, with retries)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(server.requests(FakeOpenMl.DESCRIPTION_PATH)).isEqualTo(1); // no retry at configure
        }
    }

    @Test
    void namesTheFileWhenItsHeaderCannotBeRead() throws Exception {
        final Path file = dir.resolve("bad.arff");
        Files.writeString(file, "@relation t\n@attribute x numeric\n@attribute class {a,b\n@data\n1,a\n");
        assertThatThrownBy(() -> node("source", "local", "local_path", file.toString()).configure())
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining(file.toString())
            .hasMessageContaining("Check the file");
    }

    @Test
    void aMissingFileIsOneReadableSentenceThenTheFix() {
        // the reader's reason ended without a full stop and the fix ran on: "…; check the path Check the file"
        final Path missing = dir.resolve("nonexistent");
        assertThatThrownBy(() -> node("source", "local", "local_path", missing.toString()).configure())
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("no such file or folder; check the path. Check the file");
    }

    private void writeIdx(final String name, final int[] dims, final byte[] data) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 8, (byte) dims.length});
        for (final int d : dims) {
            out.writeBytes(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        }
        out.writeBytes(data);
        Files.write(dir.resolve(name), out.toByteArray());
    }
}
