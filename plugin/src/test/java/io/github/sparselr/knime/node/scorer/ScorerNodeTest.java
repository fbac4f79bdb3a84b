package io.github.sparselr.knime.node.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.ProgressRecorder;
import io.github.sparselr.knime.testing.Tables;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;

class ScorerNodeTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[] {"class", "Prediction (class)"},
        new DataType[] {StringCell.TYPE, StringCell.TYPE});

    private static BufferedDataTable pairs(final String... actualPredicted) {
        final List<DataCell[]> rows = new ArrayList<>();
        for (int i = 0; i < actualPredicted.length; i += 2) {
            rows.add(new DataCell[] {cell(actualPredicted[i]), cell(actualPredicted[i + 1])});
        }
        return Tables.of(SPEC, rows.toArray(new DataCell[0][]));
    }

    private static DataCell cell(final String s) {
        return s == null ? DataType.getMissingCell() : new StringCell(s);
    }

    @Test
    void writesKnimesScorerTablesAndFlowVariables() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final PortObject[] out = ConfigurePromise.execute(node, pairs("a", "a", "a", "b", "b", "b", "c", "b"));
        final BufferedDataTable confusion = (BufferedDataTable) out[0];
        assertThat(confusion.getSpec().getColumnNames()).containsExactly("a", "b", "c");
        final List<String> rows = new ArrayList<>();
        for (final DataRow r : confusion) {
            rows.add(r.getKey() + ":" + r.getCell(0) + "," + r.getCell(1) + "," + r.getCell(2));
        }
        assertThat(rows).containsExactly("a:1,1,0", "b:0,1,0", "c:0,1,0");

        final BufferedDataTable statistics = (BufferedDataTable) out[1];
        assertThat(statistics.getSpec().getColumnNames()).containsExactly("TruePositives", "FalsePositives",
            "TrueNegatives", "FalseNegatives", "Recall", "Precision", "Sensitivity", "Specificity", "F-measure",
            "Accuracy", "Cohen's kappa");
        DataRow overall = null;
        for (final DataRow r : statistics) {
            overall = r;
        }
        assertThat(overall.getKey().getString()).isEqualTo("Overall");
        assertThat(((DoubleValue) overall.getCell(9)).getDoubleValue()).isEqualTo(0.5);
        assertThat(overall.getCell(0).isMissing()).isTrue();
        assertThat(node.pushedFlowVariables()).containsEntry("Accuracy", 0.5).containsEntry("#Correct", 2)
            .containsEntry("#False", 2).containsEntry("Error", 0.5).containsKey("Cohen's kappa");
        assertThat(node.warningMessage()).contains("Comparing 'class' (actual) with 'Prediction (class)'");
    }

    @Test
    void theQualityGateFailsABadModel() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addBoolean(ScorerSettings.KEY_FAIL_BELOW, true);
        settings.addDouble(ScorerSettings.KEY_MIN_ACCURACY, 0.8);
        settings.addString(ScorerSettings.KEY_ACTUAL, "class");
        settings.addString(ScorerSettings.KEY_PREDICTED, "Prediction (class)");
        node.loadSettings(settings);
        assertThatThrownBy(() -> node.execute(pairs("a", "a", "a", "b"))).hasMessageContaining("0.5000 is below the "
            + "quality gate of 0.8000");
        assertThat(ConfigurePromise.execute(node, pairs("a", "a", "b", "b"))).hasSize(2);
    }

    @Test
    void theQualityGateRefusesANaNMinimumInsteadOfPassingEveryModel() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addBoolean(ScorerSettings.KEY_FAIL_BELOW, true);
        settings.addString(ScorerSettings.KEY_ACTUAL, "class");
        settings.addString(ScorerSettings.KEY_PREDICTED, "Prediction (class)");
        // what -option=6,min_accuracy,NaN,double writes: every accuracy < NaN is false, so the gate never trips
        settings.addDouble(ScorerSettings.KEY_MIN_ACCURACY, Double.NaN);
        assertThatThrownBy(() -> node.loadSettings(settings)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Setting 'min_accuracy' is NaN (not a number); give a finite number from 0 to 1.");

        settings.addDouble(ScorerSettings.KEY_MIN_ACCURACY, 0.8);
        node.loadSettings(settings);
        assertThatThrownBy(() -> node.execute(pairs("a", "a", "a", "b", "b", "a"))).hasMessageContaining(
            "below the quality gate");
    }

    /** A spec whose actual and predicted columns declare the given classes in their domains. */
    private static DataTableSpec withDomains(final List<String> actualClasses, final List<String> predictedClasses) {
        return new DataTableSpec(nominal("class", actualClasses), nominal("Prediction (class)", predictedClasses));
    }

    private static DataColumnSpec nominal(final String name, final List<String> classes) {
        final DataColumnSpecCreator creator = new DataColumnSpecCreator(name, StringCell.TYPE);
        creator.setDomain(
            new DataColumnDomainCreator(classes.stream().map(StringCell::new).toArray(DataCell[]::new)).createDomain());
        return creator.createSpec();
    }

    /** The table's rows with the spec {@code spec} put over them, as a node whose domain is stale leaves it. */
    private static BufferedDataTable relabelled(final BufferedDataTable table, final DataTableSpec spec) {
        return HeadlessNode.executionContext(new ProgressRecorder()).createSpecReplacerTable(table, spec);
    }

    /** The confusion matrix as "actual:count,count,…" lines. */
    private static List<String> lines(final BufferedDataTable confusion) {
        final List<String> lines = new ArrayList<>();
        for (final DataRow r : confusion) {
            final StringBuilder line = new StringBuilder(r.getKey().getString()).append(':');
            for (int i = 0; i < r.getNumCells(); i++) {
                line.append(i == 0 ? "" : ",").append(r.getCell(i));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Test
    void aClassNoRowHoldsKeepsTheZeroRowAndColumnConfigurePromised() throws Exception {
        // MNIST with test_rows=5: the domains list ten digits, the five rows hold a few of them
        final DataTableSpec spec = withDomains(List.of("a", "b", "c"), List.of("a", "b", "c"));
        final BufferedDataTable rows = relabelled(pairs("a", "a", "b", "a", "a", "a"), spec);
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final DataTableSpec promised = (DataTableSpec) node.configure(spec)[0];
        assertThat(promised.getColumnNames()).containsExactly("a", "b", "c");

        final PortObject[] out = ConfigurePromise.execute(node, rows);
        final BufferedDataTable confusion = (BufferedDataTable) out[0];
        assertThat(confusion.getDataTableSpec().equalStructure(promised)).isTrue();
        assertThat(lines(confusion)).containsExactly("a:2,0,0", "b:1,0,0", "c:0,0,0");
        final List<String> statistics = new ArrayList<>();
        for (final DataRow r : (BufferedDataTable) out[1]) {
            statistics.add(r.getKey() + ":" + r.getCell(0) + "," + r.getCell(1) + "," + r.getCell(2) + ","
                + r.getCell(3));
        }
        assertThat(statistics).startsWith("a:2,1,0,0", "b:0,0,2,1", "c:0,0,3,0");
        assertThat(node.pushedFlowVariables()).containsEntry("Accuracy", 2.0 / 3);
    }

    @Test
    void aClassTheModelNeverSawGetsItsRowAndAZeroColumn() throws Exception {
        // the predictor's column lists the model's classes a and b; the actual column lists c too, which
        // the rows hold, while no row holds or predicts b
        final DataTableSpec spec = withDomains(List.of("a", "b", "c"), List.of("a", "b"));
        final BufferedDataTable rows = relabelled(pairs("a", "a", "c", "a", "c", "a"), spec);
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        assertThat(((DataTableSpec) node.configure(spec)[0]).getColumnNames()).containsExactly("a", "b", "c");

        final BufferedDataTable confusion = (BufferedDataTable) ConfigurePromise.execute(node, rows)[0];
        assertThat(lines(confusion)).containsExactly("a:1,0,0", "b:0,0,0", "c:2,0,0");
        assertThat(node.pushedFlowVariables()).containsEntry("Accuracy", 1.0 / 3);
    }

    @Test
    void aClassNeitherDomainListsIsAnErrorNamingTheRowAndTheClass() throws Exception {
        final DataTableSpec spec = withDomains(List.of("a", "b"), List.of("a", "b"));
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        assertThatThrownBy(() -> node.execute(relabelled(pairs("a", "a", "b", "b", "a", "z"), spec)))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessageStartingWith("Row 'Row2' holds the class 'z' in column 'Prediction (class)', which the domains "
                + "of 'class' and 'Prediction (class)' do not list [a, b]");
        assertThatThrownBy(() -> node.execute(relabelled(pairs("a", "a", "q", "b"), spec)))
            .hasMessageStartingWith("Row 'Row1' holds the class 'q' in column 'class'");
    }

    @Test
    void withoutDomainValuesTheMatrixHasTheClassesTheRowsHold() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("class", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Prediction (class)", StringCell.TYPE).createSpec());
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        assertThat(node.configure(spec)[0]).isNull();
        assertThat(lines((BufferedDataTable) ConfigurePromise.execute(node,
            relabelled(pairs("b", "b", "a", "b"), spec))[0]))
            .containsExactly("a:0,1", "b:0,1");
    }

    @Test
    void namesAMissingValueAndAMissingColumn() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        assertThatThrownBy(() -> node.execute(pairs("a", "a", null, "b"))).hasMessageContaining("row 'Row1'");
        final NodeSettings settings = node.saveSettings();
        settings.addString(ScorerSettings.KEY_ACTUAL, "truth");
        node.loadSettings(settings);
        assertThatThrownBy(() -> node.configure(SPEC)).hasMessageContaining("'truth' is not in the input");
    }
    @Test
    void aFlowVariablePrefixKeepsTwoScorersInOneBranchApart() throws Exception {
        final HeadlessNode l1 = HeadlessNode.of(new ScorerNodeFactory());
        final NodeSettings settings = l1.saveSettings();
        // KNIME's Scorer's key, so that settings carry over between the two nodes
        assertThat(settings.containsKey("flowVarPrefix")).isTrue();
        settings.addString(ScorerSettings.KEY_FLOW_VARIABLE_PREFIX, "L1 ");
        l1.loadSettings(settings);
        ConfigurePromise.execute(l1, pairs("a", "a", "a", "b"));
        assertThat(l1.pushedFlowVariables()).containsOnlyKeys("L1 Accuracy", "L1 Error", "L1 #Correct", "L1 #False",
            "L1 Cohen's kappa").containsEntry("L1 Accuracy", 0.5);

        final HeadlessNode plain = HeadlessNode.of(new ScorerNodeFactory());
        ConfigurePromise.execute(plain, pairs("a", "a", "b", "b"));
        assertThat(plain.pushedFlowVariables()).containsOnlyKeys("Accuracy", "Error", "#Correct", "#False",
            "Cohen's kappa");
    }

    @Test
    void pushesItsVariablesWithZerosAtConfigureAsKnimesScorerDoes() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        node.configure(SPEC);
        assertThat(node.pushedFlowVariables()).containsOnlyKeys("Accuracy", "Error", "#Correct", "#False",
            "Cohen's kappa").containsEntry("Accuracy", 0.0).containsEntry("Error", 0.0).containsEntry("#Correct", 0);
        node.execute(pairs("a", "a", "a", "b"));
        assertThat(node.pushedFlowVariables()).containsEntry("Accuracy", 0.5).containsEntry("Error", 0.5);
    }

    @Test
    void aPrefixStartingWithKnimeIsRefusedWhenTheSettingsAreValidated() {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addString(ScorerSettings.KEY_FLOW_VARIABLE_PREFIX, "knime_");
        assertThatThrownBy(() -> node.loadSettings(settings)).hasMessageContaining("'knime_'")
            .hasMessageContaining("reserves");
    }

    @Test
    void aNewPrefixLeavesNoVariableOfTheOldOneBehind() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        node.execute(pairs("a", "a", "a", "b"));
        final NodeSettings settings = node.saveSettings();
        settings.addString(ScorerSettings.KEY_FLOW_VARIABLE_PREFIX, "p_");
        node.loadSettings(settings);
        node.execute(pairs("a", "a", "a", "b"));
        // KNIME gives each configure and execute a new outgoing stack (WorkflowManager#createAndSetFlowObjectStackFor)
        assertThat(node.pushedFlowVariables()).containsOnlyKeys("p_Accuracy", "p_Error", "p_#Correct", "p_#False",
            "p_Cohen's kappa");
    }

    @Test
    void settingsWrittenBeforeThePrefixExistedLoadWithoutAPrefix() throws Exception {
        final NodeSettingsRO saved;
        // the Scorer's settings.xml of test-workflows/MNIST_L1_vs_L2 as committed in f48a7e5, before the prefix
        try (InputStream in = ScorerNodeTest.class.getResourceAsStream("settings-before-flowVarPrefix.xml")) {
            saved = NodeSettings.loadFromXML(in).getNodeSettings("model");
        }
        assertThat(saved.containsKey("flowVarPrefix")).isFalse();
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final NodeSettings washed = node.loadSettings(saved);
        assertThat(washed.getString("flowVarPrefix", "absent")).isNull();
        ConfigurePromise.execute(node, pairs("a", "a", "b", "b"));
        assertThat(node.pushedFlowVariables()).containsEntry("Accuracy", 1.0);
    }

    @Test
    void classesThatDifferOnlyInBlanksAreAnErrorNamingBoth() {
        final HeadlessNode node = HeadlessNode.of(new ScorerNodeFactory());
        final BufferedDataTable blanks = pairs(" a", "a", "a", "a");
        // KNIME trims column names: " a" and "a" would both name the column "a"
        assertThatThrownBy(() -> node.configure(blanks.getSpec())).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("The classes ' a' and 'a' differ only in leading or trailing blanks")
            .hasMessageContaining("column 'a'");
        assertThatThrownBy(() -> node.execute(blanks)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("' a' and 'a'");
        assertThatThrownBy(() -> node.execute(pairs(" ", "a", "a", "a"))).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("The class ' ' is empty or blank");
    }
}
