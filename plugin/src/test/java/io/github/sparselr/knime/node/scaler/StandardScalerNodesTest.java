package io.github.sparselr.knime.node.scaler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.port.ScalerModelPortObject;
import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.testing.Tables;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class StandardScalerNodesTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[] {"a", "b", "label"},
        new DataType[] {DoubleCell.TYPE, IntCell.TYPE, StringCell.TYPE});

    private static final BufferedDataTable TABLE = Tables.of(SPEC,
        cells(1.0, 10, "x"), cells(2.0, 10, "y"), cells(4.0, 13, "x"), cells(9.0, 11, "z"));

    @Test
    void scalesEveryNumericColumnByDefaultAndPassesOthersThrough() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new StandardScalerNodeFactory());
        final PortObjectSpec[] specs = node.configure(SPEC);
        final PortObject[] out = ConfigurePromise.execute(node, TABLE);

        final BufferedDataTable scaled = (BufferedDataTable) out[0];
        assertThat(scaled.getDataTableSpec().getColumnSpec("b").getType()).isEqualTo(DoubleCell.TYPE);
        assertThat(scaled.getDataTableSpec().getColumnNames()).containsExactly("a", "b", "label");
        assertThat(((DataTableSpec) specs[1]).getColumnNames()).containsExactly("a", "b");
        final ScalerModel expected = StandardScaler.centeringAndScaling()
            .fit(new double[] {1, 10, 2, 10, 4, 13, 9, 11}, 4, List.of("a", "b"));
        assertThat(((ScalerModelPortObject) out[1]).model()).isEqualTo(expected);
        assertThat(Tables.column(scaled, "a"))
            .containsExactly(column(expected.transform(new double[] {1, 10, 2, 10, 4, 13, 9, 11}, 4), 0));
        final List<String> labels = new java.util.ArrayList<>();
        for (final DataRow row : scaled) {
            labels.add(row.getKey() + "=" + row.getCell(2));
        }
        assertThat(labels).containsExactly("Row0=x", "Row1=y", "Row2=x", "Row3=z");
    }

    @Test
    void appliesTheFittedModelToAnotherTable() throws Exception {
        final PortObject[] fitted = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerNodeFactory()), TABLE);
        final BufferedDataTable test = Tables.of(SPEC, cells(3.0, 12, "q"));
        final PortObject[] applied = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerApplyNodeFactory()),
            fitted[1], test);

        final ScalerModel model = ((ScalerModelPortObject) fitted[1]).model();
        assertThat(Tables.column((BufferedDataTable) applied[0], "b"))
            .containsExactly(model.transform(new double[] {3.0, 12}, 1)[1]);
    }

    @Test
    void settingsSurviveASaveLoadRoundTripAndTheDialog() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new StandardScalerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addBoolean(StandardScalerSettings.KEY_WITH_MEAN, false);
        node.loadSettings(settings);

        final HeadlessNode other = HeadlessNode.of(new StandardScalerNodeFactory());
        other.loadSettings(HeadlessNode.saveDialog(node.openDialog(SPEC)));
        assertThat(xml(other.saveSettings())).isEqualTo(xml(node.saveSettings()))
            .contains("<entry key=\"with_mean\" type=\"xboolean\" value=\"false\"/>");
        assertThat(((ScalerModelPortObject) other.execute(TABLE)[1]).model().withMean()).isFalse();
    }

    @Test
    void rejectsSettingsWithoutAKey() {
        final HeadlessNode node = HeadlessNode.of(new StandardScalerNodeFactory());
        final NodeSettings incomplete = new NodeSettings("model");
        incomplete.addBoolean(StandardScalerSettings.KEY_WITH_MEAN, true);
        assertThatThrownBy(() -> node.loadSettings(incomplete)).isInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void theModelPortSurvivesItsSerializer() throws Exception {
        final ScalerModelPortObject model =
            (ScalerModelPortObject) HeadlessNode.of(new StandardScalerNodeFactory()).execute(TABLE)[1];
        final ScalerModelPortObject copy = HeadlessNode.roundTrip(model, new ScalerModelPortObject.Serializer());
        assertThat(copy).isEqualTo(model);
        assertThat(copy.model()).isEqualTo(model.model());
        assertThat(copy.getSpec()).isEqualTo(model.getSpec());
    }

    @Test
    void saysSoWhenNoNumericColumnIsThere() {
        final DataTableSpec strings = new DataTableSpec(new String[] {"label"}, new DataType[] {StringCell.TYPE});
        assertThatThrownBy(() -> HeadlessNode.of(new StandardScalerNodeFactory()).configure(strings))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("No numeric column is selected");
    }

    @Test
    void namesASelectedColumnThatIsMissingFromTheInput() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new StandardScalerNodeFactory());
        node.loadSettings(columnSelection("a", "gone"));
        assertThatThrownBy(() -> node.configure(SPEC)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("Column 'gone'").hasMessageContaining("has no such column");
    }

    @Test
    void namesASelectedColumnThatIsNotNumeric() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new StandardScalerNodeFactory());
        node.loadSettings(columnSelection("a", "label"));
        assertThatThrownBy(() -> node.configure(SPEC)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("Column 'label'").hasMessageContaining("not numbers");
    }

    @Test
    void namesTheColumnAndRowOfAMissingValue() {
        final BufferedDataTable withGap = Tables.of(SPEC, cells(1.0, 10, "x"),
            new DataCell[] {new DoubleCell(2), DataType.getMissingCell(), new StringCell("y")});
        assertThatThrownBy(() -> HeadlessNode.of(new StandardScalerNodeFactory()).execute(withGap))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("Column 'b' contains a missing value in row 'Row1'");
    }

    @Test
    void applyNamesAColumnTheModelScalesButTheTableLacks() throws Exception {
        final PortObject[] fitted = HeadlessNode.of(new StandardScalerNodeFactory()).execute(TABLE);
        final DataTableSpec withoutB = new DataTableSpec(new String[] {"a", "label"},
            new DataType[] {DoubleCell.TYPE, StringCell.TYPE});
        final HeadlessNode apply = HeadlessNode.of(new StandardScalerApplyNodeFactory());
        assertThatThrownBy(() -> apply.configure(fitted[1].getSpec(), withoutB))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("Column 'b'");
        final BufferedDataTable table = Tables.of(withoutB, new DataCell[] {new DoubleCell(1), new StringCell("x")});
        assertThatThrownBy(() -> apply.execute(fitted[1], table)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("Column 'b'");
    }

    @Test
    void stopsWhenCancelled() {
        final HeadlessNode node = HeadlessNode.of(new StandardScalerNodeFactory());
        node.cancel();
        assertThatThrownBy(() -> node.execute(TABLE)).isInstanceOf(CanceledExecutionException.class);
    }

    private static NodeSettings columnSelection(final String... included) {
        final NodeSettings settings = HeadlessNode.of(new StandardScalerNodeFactory()).saveSettings();
        final NodeSettings columns = (NodeSettings) settings.addNodeSettings(StandardScalerSettings.KEY_COLUMNS);
        columns.addString("filter-type", "STANDARD");
        columns.addStringArray("included_names", included);
        columns.addStringArray("excluded_names");
        columns.addString("enforce_option", "EnforceInclusion");
        return settings;
    }

    private static DataCell[] cells(final double a, final int b, final String label) {
        return new DataCell[] {new DoubleCell(a), new IntCell(b), new StringCell(label)};
    }

    private static double[] column(final double[] rowMajor, final int col) {
        final double[] out = new double[rowMajor.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = rowMajor[i * 2 + col];
        }
        return out;
    }

    private static String xml(final NodeSettings settings) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        settings.saveToXML(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
