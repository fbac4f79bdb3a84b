package io.github.sparselr.knime.node.openmlreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.LocalDatasets;
import io.github.sparselr.knime.NodeWithSettings;
import io.github.sparselr.knime.standin.HeadlessNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class OpenMlReaderNodeTest {

    @TempDir
    Path dir;

    /** 20 rows: x = row number, y = 2x, class = "c" + (row % 3). */
    private static String arff() {
        final StringBuilder s = new StringBuilder("@relation t\n@attribute x numeric\n@attribute y numeric\n"
            + "@attribute class {c2,c0,c1}\n@data\n");
        for (int i = 0; i < 20; i++) {
            s.append(i).append(',').append(2 * i).append(",c").append(i % 3).append('\n');
        }
        return s.toString();
    }

    /** OpenML's feature list for {@link #arff()}: class is the default target. */
    private static final String FEATURES = "{\"data_features\":{\"feature\":["
        + "{\"index\":\"0\",\"name\":\"x\",\"data_type\":\"numeric\",\"is_target\":\"false\",\"is_ignore\":\"false\","
        + "\"is_row_identifier\":\"false\"},"
        + "{\"index\":\"1\",\"name\":\"y\",\"data_type\":\"numeric\",\"is_target\":\"false\",\"is_ignore\":\"false\","
        + "\"is_row_identifier\":\"false\"},"
        + "{\"index\":\"2\",\"name\":\"class\",\"data_type\":\"nominal\",\"is_target\":\"true\",\"is_ignore\":\"false\","
        + "\"is_row_identifier\":\"false\"}]}}";

    private HeadlessNode node(final String... keyValues) throws InvalidSettingsException {
        return NodeWithSettings.of(new OpenMlReaderNodeFactory(), keyValues);
    }

    @Test
    void readsAndSplitsALocalArffAsTheEngineDoes() throws Exception {
        final Path file = dir.resolve("t.arff");
        Files.writeString(file, arff());
        final HeadlessNode node = node("source", "local", "local_path", file.toString(), "train_rows", "12",
            "test_rows", "5", "shuffle_seed", "3", "split_seed", "7");
        final PortObjectSpec[] specs = node.configure();
        assertThat(((DataTableSpec) specs[0]).getColumnNames()).containsExactly("x", "y", "class");
        assertThat(((DataTableSpec) specs[0]).getColumnSpec("class").getDomain().getValues())
            .containsExactly(new StringCell("c0"), new StringCell("c1"), new StringCell("c2"));

        final PortObject[] out = node.execute();
        final DenseDataset data = LocalDatasets.read(file, null, true, () -> false);
        final TrainTestSplit split = TrainTestSplit.of(data, 3, 7, 12, 5);
        assertThat(keys((BufferedDataTable) out[0])).containsExactlyElementsOf(rowKeys(split.trainIndex()));
        assertThat(keys((BufferedDataTable) out[1])).containsExactlyElementsOf(rowKeys(split.testIndex()));
        final DataRow first = ((BufferedDataTable) out[0]).iterator().next();
        assertThat(((DoubleValue) first.getCell(1)).getDoubleValue()).isEqualTo(2.0 * split.trainIndex()[0]);
    }

    @Test
    void readsAnIdxFolderInMnist784sLayoutAndKeepsAllRowsWhenBothCountsAreZero() throws Exception {
        writeIdx("train-images-idx3-ubyte", new int[] {3, 1, 2}, new byte[] {1, 2, 3, 4, 5, 6});
        writeIdx("train-labels-idx1-ubyte", new int[] {3}, new byte[] {7, 1, 7});
        writeIdx("t10k-images-idx3-ubyte", new int[] {1, 1, 2}, new byte[] {9, 9});
        writeIdx("t10k-labels-idx1-ubyte", new int[] {1}, new byte[] {0});
        final HeadlessNode node = node("source", "local", "local_path", dir.toString(), "train_rows", "0",
            "test_rows", "0");
        final DataTableSpec spec = (DataTableSpec) node.configure()[0];
        assertThat(spec.getColumnNames()).containsExactly("pixel1", "pixel2", "class");
        assertThat(spec.getColumnSpec("class").getDomain().getValues()).containsExactly(new StringCell("0"),
            new StringCell("1"), new StringCell("7"));
        final PortObject[] out = node.execute();
        assertThat(((BufferedDataTable) out[0]).size()).isEqualTo(4);
        assertThat(((BufferedDataTable) out[1]).size()).isZero();
    }

    @Test
    void convertsOnlyTheSplitsRowsOfAnIdxFolderIntoTheSameTablesAsTheWholeRead() throws Exception {
        // 30 + 12 images of 2 × 3 random pixels; the label 11 sits in one row only, which the split may leave out:
        // the target's domain is still every label of the folder, as when the folder was read whole
        final java.util.Random random = new java.util.Random(5);
        final byte[] trainPixels = new byte[30 * 6];
        final byte[] testPixels = new byte[12 * 6];
        random.nextBytes(trainPixels);
        random.nextBytes(testPixels);
        final byte[] trainLabels = new byte[30];
        final byte[] testLabels = new byte[12];
        for (int i = 0; i < trainLabels.length; i++) {
            trainLabels[i] = (byte) random.nextInt(10);
        }
        for (int i = 0; i < testLabels.length; i++) {
            testLabels[i] = (byte) random.nextInt(10);
        }
        testLabels[4] = 11;
        writeIdx("train-images-idx3-ubyte", new int[] {30, 2, 3}, trainPixels);
        writeIdx("train-labels-idx1-ubyte", new int[] {30}, trainLabels);
        writeIdx("t10k-images-idx3-ubyte", new int[] {12, 2, 3}, testPixels);
        writeIdx("t10k-labels-idx1-ubyte", new int[] {12}, testLabels);
        final DenseDataset whole = LocalDatasets.read(dir, null, true, () -> false);
        for (final int[] sizes : new int[][] {{20, 7}, {0, 5}, {3, 0}, {0, 0}}) {
            final HeadlessNode node = node("source", "local", "local_path", dir.toString(), "train_rows",
                Integer.toString(sizes[0]), "test_rows", Integer.toString(sizes[1]), "shuffle_seed", "4",
                "split_seed", "9");
            final DataTableSpec spec = (DataTableSpec) node.configure()[0];
            final PortObject[] out = node.execute();
            final TrainTestSplit split = TrainTestSplit.of(whole, 4, 9, sizes[0], sizes[1]);
            final List<StringCell> classes = new ArrayList<>();
            for (final String c : new java.util.TreeSet<>(List.of(whole.labels()))) {
                classes.add(new StringCell(c));
            }
            assertThat(spec.getColumnSpec("class").getDomain().getValues()).containsExactlyElementsOf(classes);
            for (int port = 0; port < 2; port++) {
                final BufferedDataTable table = (BufferedDataTable) out[port];
                final DenseDataset expected = port == 0 ? split.train() : split.test();
                final DataTableSpec actual = table.getDataTableSpec();
                assertThat(actual.getColumnNames()).containsExactly(spec.getColumnNames());
                assertThat(actual.getColumnSpec("class").getDomain().getValues()).containsExactlyElementsOf(classes);
                for (int j = 0; j < expected.cols() && expected.rows() > 0; j++) {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < expected.rows(); i++) {
                        min = Math.min(min, expected.values()[i * expected.cols() + j]);
                        max = Math.max(max, expected.values()[i * expected.cols() + j]);
                    }
                    assertThat(((DoubleValue) actual.getColumnSpec(j).getDomain().getLowerBound()).getDoubleValue())
                        .isEqualTo(min);
                    assertThat(((DoubleValue) actual.getColumnSpec(j).getDomain().getUpperBound()).getDoubleValue())
                        .isEqualTo(max);
                }
                assertThat(rows(table)).containsExactlyElementsOf(port == 0
                    ? rows(split.train(), split.trainIndex()) : rows(split.test(), split.testIndex()));
            }
        }
    }

    /** Each row as its key and cells, as text. */
    private static List<String> rows(final BufferedDataTable table) {
        final List<String> rows = new ArrayList<>();
        for (final DataRow row : table) {
            final StringBuilder s = new StringBuilder(row.getKey().getString());
            for (int c = 0; c < row.getNumCells(); c++) {
                s.append(',').append(row.getCell(c));
            }
            rows.add(s.toString());
        }
        return rows;
    }

    /** What the node made of a dataset read whole and split: "Row" + the source row, the pixels, the class. */
    private static List<String> rows(final DenseDataset data, final int[] index) {
        final List<String> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            final StringBuilder s = new StringBuilder("Row" + index[i]);
            for (int j = 0; j < data.cols(); j++) {
                s.append(',').append(new org.knime.core.data.def.DoubleCell(data.values()[i * data.cols() + j]));
            }
            rows.add(s.append(',').append(new StringCell(data.labels()[i])).toString());
        }
        return rows;
    }

    @Test
    void readsACsvWhoseClassesAreOnlyKnownOnceRead() throws Exception {
        final Path file = dir.resolve("t.csv");
        Files.writeString(file, "a,b,label\n1,2,x\n3,4,y\n5,6,x\n");
        final HeadlessNode node = node("source", "local", "local_path", file.toString(), "target", "label",
            "train_rows", "2", "test_rows", "1");
        final DataTableSpec configured = (DataTableSpec) node.configure()[0];
        assertThat(configured.getColumnNames()).containsExactly("a", "b", "label");
        assertThat(configured.getColumnSpec("label").getDomain().hasValues()).isFalse();
        final PortObject[] out = node.execute();
        assertThat(((BufferedDataTable) out[0]).getSpec().getColumnNames()).containsExactly("a", "b", "label");
        assertThat(((BufferedDataTable) out[0]).getSpec().getColumnSpec("label").getDomain().getValues())
            .containsExactlyInAnyOrder(new StringCell("x"), new StringCell("y"));
    }

    @Test
    void downloadsFromOpenMlOnceAndThenKnowsTheSpecFromTheCache() throws Exception {
        final String arff = arff();
        final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        final String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        final List<String> requests = new ArrayList<>();
        server.createContext("/", exchange -> {
            final String path = exchange.getRequestURI().getPath();
            requests.add(path);
            final String body = switch (path) {
                case "/api/v1/json/data/list/data_name/t/limit/2/data_version/1" -> "{\"data\":{\"dataset\":[{\"did\":5,\"name\":\"t\"}]}}";
                case "/api/v1/json/data/5" -> "{\"data_set_description\":{\"id\":\"5\",\"name\":\"t\",\"version\":\"1\","
                    + "\"format\":\"ARFF\",\"file_id\":\"8\",\"url\":\"" + root + "data/v1/download/8/t.arff\","
                    + "\"default_target_attribute\":\"class\",\"md5_checksum\":\"" + md5(arff) + "\"}}";
                case "/api/v1/json/data/features/5" -> FEATURES;
                case "/api/v1/json/data/qualities/5" -> "{\"data_qualities\":{\"quality\":[]}}";
                case "/data/v1/download/8" -> arff;
                default -> null;
            };
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                out.write(bytes);
            }
        });
        server.start();
        try {
            final HeadlessNode node = node("dataset_name", "t", "server_url", root, "cache_dir",
                dir.resolve("cache").toString(), "train_rows", "10", "test_rows", "10");
            // nothing cached yet: configure reads the metadata, never the data file
            assertThat(((DataTableSpec) node.configure()[0]).getColumnNames()).containsExactly("x", "y", "class");
            assertThat(requests).doesNotContain("/data/v1/download/8");
            final PortObject[] out = node.execute();
            assertThat(((BufferedDataTable) out[0]).size()).isEqualTo(10);
            assertThat(node.progress().reports()).anyMatch(r -> r.message() != null
                && r.message().startsWith("downloading"));
            final DataTableSpec cached = (DataTableSpec) node.configure()[0];
            assertThat(cached.getColumnNames()).containsExactly("x", "y", "class");
            node.execute();
            assertThat(requests.stream().filter(p -> p.equals("/data/v1/download/8")).count()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void namesBadSettingsAndStopsWhenCancelled() throws Exception {
        assertThatThrownBy(() -> node("source", "local").configure()).hasMessageContaining("No local file is set");
        assertThatThrownBy(() -> node("source", "local", "local_path", dir.resolve("nope.arff").toString()).configure())
            .hasMessageContaining("nope.arff");
        assertThatThrownBy(() -> node("source", "ftp")).hasMessageContaining("source must be 'openml' or 'local'");
        final Path file = dir.resolve("t.arff");
        Files.writeString(file, arff());
        assertThatThrownBy(() -> node("source", "local", "local_path", file.toString(), "train_rows", "15",
            "test_rows", "10").execute()).hasMessageContaining("should be smaller than the number of samples 20");
        final HeadlessNode cancelled = node("source", "local", "local_path", file.toString(), "train_rows", "5",
            "test_rows", "5");
        cancelled.cancel();
        assertThatThrownBy(cancelled::execute).isInstanceOf(CanceledExecutionException.class);
    }

    @Test
    void refusesAServerUrlWithAPasswordWithoutRepeatingIt() {
        assertThatThrownBy(() -> node("dataset_name", "t", "server_url", "http://user:s3cret@127.0.0.1:1/", "cache_dir",
            dir.resolve("cache").toString()).configure()).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("holds a user name or password").hasMessageNotContaining("s3cret")
            .hasMessageNotContaining("user:");
    }

    @Test
    void saysTheCacheFolderIsAFileNotThatOpenMlFailed() throws IOException {
        final Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        for (final Path cache : List.of(file, file.resolve("sub"))) {
            assertThatThrownBy(() -> node("dataset_name", "t", "server_url", "http://127.0.0.1:1/", "cache_dir",
                cache.toString()).configure()).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("The OpenML cache folder " + cache + " (setting 'cache_dir') is not a folder")
                .hasMessageNotContaining("from OpenML");
        }
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

    private static List<String> keys(final BufferedDataTable table) {
        final List<String> keys = new ArrayList<>();
        for (final DataRow row : table) {
            keys.add(row.getKey().getString());
        }
        return keys;
    }

    private static List<String> rowKeys(final int[] index) {
        final List<String> keys = new ArrayList<>();
        for (final int i : index) {
            keys.add("Row" + i);
        }
        return keys;
    }

    private static String md5(final String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
