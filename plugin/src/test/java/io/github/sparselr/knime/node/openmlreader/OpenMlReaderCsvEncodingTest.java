package io.github.sparselr.knime.node.openmlreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.standin.HeadlessNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;

/** The OpenML Reader's CSV encoding setting (docs/reliability.md, "Local files"). */
class OpenMlReaderCsvEncodingTest {

    @TempDir
    Path dir;

    private HeadlessNode node(final Path csv, final String encoding) throws InvalidSettingsException {
        final HeadlessNode node = HeadlessNode.of(new OpenMlReaderNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addString(OpenMlReaderSettings.KEY_SOURCE, OpenMlReaderSettings.SOURCE_LOCAL);
        settings.addString(OpenMlReaderSettings.KEY_LOCAL_PATH, csv.toString());
        settings.addString(OpenMlReaderSettings.KEY_TARGET, "class");
        settings.addInt(OpenMlReaderSettings.KEY_TRAIN_ROWS, 0);
        settings.addInt(OpenMlReaderSettings.KEY_TEST_ROWS, 0);
        if (encoding != null) {
            settings.addString(OpenMlReaderSettings.KEY_CSV_ENCODING, encoding);
        }
        node.loadSettings(settings);
        return node;
    }

    private static List<String> classes(final BufferedDataTable table) {
        final List<String> classes = new ArrayList<>();
        for (final DataRow row : table) {
            classes.add(((StringValue) row.getCell(row.getNumCells() - 1)).getStringValue());
        }
        return classes;
    }

    @Test
    void keepsCafeAndCafeGraveApartInALatin1CsvReadAsIso88591() throws Exception {
        final Path csv = Files.write(dir.resolve("latin1.csv"),
            "x,class\n1,caf\u00e9\n2,caf\u00e8\n".getBytes(StandardCharsets.ISO_8859_1));
        final PortObject[] out = node(csv, "ISO-8859-1").execute();
        assertThat(classes((BufferedDataTable) out[0])).containsExactlyInAnyOrder("caf\u00e9", "caf\u00e8");
    }

    @Test
    void stopsOnALatin1CsvReadAsUtf8NamingTheLine() throws Exception {
        // once: replacement characters merged the two classes, and the workflow ended with exit 0
        final Path csv = Files.write(dir.resolve("latin1.csv"),
            "x,class\n1,caf\u00e9\n2,caf\u00e8\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> node(csv, null).execute()).hasMessageContaining("latin1.csv, line 2")
            .hasMessageContaining("not UTF-8");
    }

    @Test
    void rejectsAnEncodingItDoesNotOffer() {
        assertThatThrownBy(() -> node(dir.resolve("x.csv"), "EBCDIC-XYZ")).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("csv_encoding").hasMessageContaining("UTF-8, ISO-8859-1, windows-1252");
    }

    /**
     * The fixture is the study workflow's reader settings as saved before the setting existed:
     * {@code git show e29d62e:"test-workflows/MNIST_Sparse_L1_SAGA/OpenML Reader (#1)/settings.xml"}.
     */
    @Test
    void loadsAWorkflowSavedBeforeTheSettingExistedAsUtf8() throws Exception {
        final NodeSettingsRO saved;
        try (InputStream in = getClass().getResourceAsStream("settings-before-csv-encoding.xml")) {
            saved = NodeSettings.loadFromXML(in).getNodeSettings("model");
        }
        assertThat(saved.containsKey(OpenMlReaderSettings.KEY_CSV_ENCODING)).isFalse();
        final HeadlessNode node = HeadlessNode.of(new OpenMlReaderNodeFactory());
        node.loadSettings(saved);
        assertThat(node.saveSettings().getString(OpenMlReaderSettings.KEY_CSV_ENCODING)).isEqualTo("UTF-8");
    }
}
