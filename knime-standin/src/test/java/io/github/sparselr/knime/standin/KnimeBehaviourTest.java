package io.github.sparselr.knime.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.util.DuplicateKeyException;

/** The stand-in and its harness behave as KNIME 5.1 does where our nodes can tell the difference. */
class KnimeBehaviourTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[] {"x"}, new DataType[] {DoubleCell.TYPE});

    /** A node whose configure and execute the test scripts. */
    private static final class ScriptedModel extends NodeModel {

        interface Configure {
            DataTableSpec[] apply(ScriptedModel model, DataTableSpec[] inSpecs) throws InvalidSettingsException;
        }

        interface Execute {
            BufferedDataTable[] apply(ScriptedModel model, ExecutionContext exec) throws Exception;
        }

        final List<DataTableSpec[]> configureCalls = new ArrayList<>();

        Configure onConfigure = (m, in) -> new DataTableSpec[] {SPEC};

        Execute onExecute = (m, exec) -> new BufferedDataTable[] {table(exec, SPEC, 1)};

        String saved = "washed";

        ScriptedModel(final PortType[] in, final PortType[] out) {
            super(in, out);
        }

        void warn(final String message) {
            setWarningMessage(message);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
            configureCalls.add(inSpecs.clone());
            return onConfigure.apply(this, inSpecs);
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            return onExecute.apply(this, exec);
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            settings.addString("saved", saved);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
            // anything goes
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
            saved = settings.getString("saved", "washed");
        }

        @Override
        protected void reset() {
            // nothing kept
        }

        @Override
        protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
            // nothing kept
        }

        @Override
        protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
            // nothing kept
        }
    }

    private static HeadlessNode node(final ScriptedModel model) {
        return HeadlessNode.of(new NodeFactory<ScriptedModel>(true) {
            @Override
            public ScriptedModel createNodeModel() {
                return model;
            }

            @Override
            protected int getNrNodeViews() {
                return 0;
            }

            @Override
            public NodeView<ScriptedModel> createNodeView(final int viewIndex, final ScriptedModel nodeModel) {
                return null;
            }

            @Override
            protected boolean hasDialog() {
                return false;
            }

            @Override
            protected NodeDialogPane createNodeDialogPane() {
                return null;
            }
        });
    }

    private static ScriptedModel model(final int in, final int out) {
        final PortType[] ins = new PortType[in];
        java.util.Arrays.fill(ins, BufferedDataTable.TYPE);
        final PortType[] outs = new PortType[out];
        java.util.Arrays.fill(outs, BufferedDataTable.TYPE);
        return new ScriptedModel(ins, outs);
    }

    private static BufferedDataTable table(final ExecutionContext exec, final DataTableSpec spec, final int rows) {
        final BufferedDataContainer c = exec.createDataContainer(spec);
        for (int i = 0; i < rows; i++) {
            c.addRowToTable(new DefaultRow("Row" + i, new DoubleCell(i)));
        }
        c.close();
        return c.getTable();
    }

    private static BufferedDataTable input(final int rows) {
        return table(HeadlessNode.executionContext(new ProgressRecorder()), SPEC, rows);
    }

    @Test
    void aDuplicateColumnNameIsReportedAtBothItsPositionsAsKnimesTableSpecDoes() {
        // org.knime.core.data.DataTableSpec's constructor names the earlier index and the later one; the
        // stand-in named the later one twice ("at positions 1 and 1")
        assertThatThrownBy(() -> new DataTableSpec(new DataColumnSpecCreator("f1", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("f1", DoubleCell.TYPE).createSpec()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Duplicate column name \"f1\" at positions 0 and 1.");
    }

    @Test
    void configureIsNotCalledWhileARequiredInputHasNoSpec() throws Exception {
        final ScriptedModel model = model(1, 1);
        final HeadlessNode node = node(model);
        assertThat(node.configure((PortObjectSpec) null)).isNull();
        assertThat(model.configureCalls).isEmpty();
        assertThatThrownBy(() -> node.execute((PortObject) null)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("required input has no data");
        assertThat(model.configureCalls).isEmpty();

        assertThat(node.configure(SPEC)).containsExactly(SPEC);
        assertThat(model.configureCalls).hasSize(1);
        assertThat(model.configureCalls.get(0)).containsExactly(SPEC);
    }

    @Test
    void anOptionalInputWithoutSpecReachesConfigureAsNull() throws Exception {
        final ScriptedModel model = new ScriptedModel(new PortType[] {BufferedDataTable.TYPE_OPTIONAL},
            new PortType[] {BufferedDataTable.TYPE});
        node(model).configure((PortObjectSpec) null);
        assertThat(model.configureCalls).hasSize(1);
        assertThat(model.configureCalls.get(0)).containsExactly((DataTableSpec) null);
    }

    @Test
    void warningsOfAnEarlierConfigureOrExecuteAreClearedFirst() throws Exception {
        final ScriptedModel model = model(1, 1);
        final HeadlessNode node = node(model);
        model.onConfigure = (m, in) -> {
            m.warn("from configure");
            return new DataTableSpec[] {SPEC};
        };
        node.configure(SPEC);
        assertThat(node.warningMessage()).isEqualTo("from configure");
        model.onConfigure = (m, in) -> new DataTableSpec[] {SPEC};
        node.configure(SPEC);
        assertThat(node.warningMessage()).isNull();

        model.onConfigure = (m, in) -> {
            m.warn("from configure");
            return new DataTableSpec[] {SPEC};
        };
        node.execute(input(2));
        assertThat(node.warningMessage()).as("execute clears the warning its configure set").isNull();
        model.onExecute = (m, exec) -> {
            m.warn("from execute");
            return new BufferedDataTable[] {table(exec, SPEC, 1)};
        };
        node.execute(input(2));
        assertThat(node.warningMessage()).isEqualTo("from execute");
    }

    @Test
    void anEmptyOutputTableGetsKnimesWarningUnlessTheNodeWarnedItself() throws Exception {
        final ScriptedModel model = model(1, 1);
        model.onExecute = (m, exec) -> new BufferedDataTable[] {table(exec, SPEC, 0)};
        final HeadlessNode node = node(model);
        node.execute(input(2));
        assertThat(node.warningMessage()).isEqualTo("Node created an empty data table.");

        model.onExecute = (m, exec) -> {
            m.warn("No row passed the filter.");
            return new BufferedDataTable[] {table(exec, SPEC, 0)};
        };
        node.execute(input(2));
        assertThat(node.warningMessage()).isEqualTo("No row passed the filter.");

        final ScriptedModel two = model(1, 2);
        two.onConfigure = (m, in) -> new DataTableSpec[] {SPEC, SPEC};
        two.onExecute = (m, exec) -> new BufferedDataTable[] {table(exec, SPEC, 0), table(exec, SPEC, 0)};
        final HeadlessNode twoNode = node(two);
        twoNode.execute(input(2));
        assertThat(twoNode.warningMessage()).isEqualTo("Node created empty data tables on all out-ports.");
        two.onExecute = (m, exec) -> new BufferedDataTable[] {table(exec, SPEC, 0), table(exec, SPEC, 1)};
        twoNode.execute(input(2));
        assertThat(twoNode.warningMessage()).isNull();
    }

    @Test
    void anOutputOtherThanConfigurePromisedIsAWarningAndOurStricterCheckIsATestAssertion() throws Exception {
        final DataTableSpec other = new DataTableSpec(new String[] {"y"}, new DataType[] {DoubleCell.TYPE});
        final ScriptedModel model = model(1, 1);
        model.onExecute = (m, exec) -> new BufferedDataTable[] {table(exec, other, 1)};
        final HeadlessNode node = node(model);
        final PortObject[] out = node.execute(input(2));
        assertThat(((BufferedDataTable) out[0]).getDataTableSpec().getColumnNames()).containsExactly("y");
        assertThat(node.warningMessage()).isEqualTo("DataSpec generated by configure does not match spec after "
            + "execution.");
        assertThatThrownBy(() -> ConfigurePromise.assertKept(node, out)).isInstanceOf(AssertionError.class)
            .hasMessageContaining("configure promised");
    }

    @Test
    void domainsAreIgnoredWhenTheOutputIsComparedWithThePromise() throws Exception {
        final DataColumnSpecCreator x = new DataColumnSpecCreator("x", DoubleCell.TYPE);
        x.setDomain(new DataColumnDomainCreator(new DoubleCell(-100), new DoubleCell(100)).createDomain());
        final DataTableSpec withBounds = new DataTableSpec(x.createSpec());
        final ScriptedModel model = model(1, 1);
        model.onConfigure = (m, in) -> new DataTableSpec[] {withBounds};
        final HeadlessNode node = node(model);
        final PortObject[] out = ConfigurePromise.execute(node, input(2));
        assertThat(((BufferedDataTable) out[0]).getDataTableSpec()).isNotEqualTo(withBounds);
        assertThat(node.warningMessage()).isNull();
    }

    @Test
    void columnNamesAreTrimmedAndEmptyNamesBecomeEmptyN() {
        assertThat(new DataColumnSpecCreator(" a ", StringCell.TYPE).createSpec().getName()).isEqualTo("a");
        assertThat(new DataColumnSpecCreator("   ", StringCell.TYPE).createSpec().getName()).matches("<empty_\\d+>");
        final String first = new DataColumnSpecCreator("", StringCell.TYPE).createSpec().getName();
        final String second = new DataColumnSpecCreator("", StringCell.TYPE).createSpec().getName();
        assertThat(first).isNotEqualTo(second);
        assertThatThrownBy(() -> new DataTableSpec(new String[] {" a", "a"}, new DataType[] {IntCell.TYPE,
            IntCell.TYPE})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate column name");
    }

    @Test
    void aUniqueColumnNameIsTrimmedFirstAsKnimeDoes() {
        // DataTableSpec#getUniqueColumnName: trim, then " (#n)" until free
        final DataTableSpec spec = new DataTableSpec(new String[] {"class", "class (#1)"},
            new DataType[] {StringCell.TYPE, StringCell.TYPE});
        assertThat(DataTableSpec.getUniqueColumnName(spec, " class ")).isEqualTo("class (#2)");
        assertThat(DataTableSpec.getUniqueColumnName(spec, " other ")).isEqualTo("other");
        assertThatThrownBy(() -> DataTableSpec.getUniqueColumnName(spec, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void boundsCoverEveryBoundedColumnExtendTheSpecsInitialBoundsAndSkipNaN() {
        final DataColumnSpecCreator x = new DataColumnSpecCreator("x", DoubleCell.TYPE);
        x.setDomain(new DataColumnDomainCreator(new DoubleCell(-5), new DoubleCell(5)).createDomain());
        final DataColumnSpecCreator n = new DataColumnSpecCreator("n", IntCell.TYPE);
        final DataTableSpec spec = new DataTableSpec(x.createSpec(), n.createSpec(),
            new DataColumnSpecCreator("s", StringCell.TYPE).createSpec());
        final List<DefaultRow> rows = List.of(
            new DefaultRow("r0", new DoubleCell(Double.NaN), new IntCell(3), new StringCell("a")),
            new DefaultRow("r1", new DoubleCell(7), new IntCell(-2), new StringCell("b")),
            new DefaultRow("r2", new DoubleCell(1), DataType.getMissingCell(), new StringCell("a")));

        final DataTableSpec extended = close(spec, rows, true);
        assertThat(bounds(extended.getColumnSpec("x").getDomain())).containsExactly(-5.0, 7.0);
        assertThat(bounds(extended.getColumnSpec("n").getDomain())).containsExactly(-2.0, 3.0);
        assertThat(extended.getColumnSpec("s").getDomain().hasBounds()).isFalse();

        final DataTableSpec fresh = close(spec, rows, false);
        assertThat(bounds(fresh.getColumnSpec("x").getDomain())).containsExactly(1.0, 7.0);
    }

    private static DataTableSpec close(final DataTableSpec spec, final List<DefaultRow> rows, final boolean init) {
        final BufferedDataContainer c =
            HeadlessNode.executionContext(new ProgressRecorder()).createDataContainer(spec, init);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable().getDataTableSpec();
    }

    private static double[] bounds(final DataColumnDomain domain) {
        final DataCell lower = domain.getLowerBound();
        final DataCell upper = domain.getUpperBound();
        return new double[] {((DoubleValue) lower).getDoubleValue(), ((DoubleValue) upper).getDoubleValue()};
    }

    @Test
    void duplicateRowKeysAreFoundWhenTheContainerCloses() {
        final BufferedDataContainer c = HeadlessNode.executionContext(new ProgressRecorder()).createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r0", new DoubleCell(1)));
        c.addRowToTable(new DefaultRow("r0", new DoubleCell(2)));
        assertThatThrownBy(c::close).isInstanceOfSatisfying(DuplicateKeyException.class,
            e -> assertThat(e.getKey()).isEqualTo("r0")).hasMessage("Encountered duplicate row ID \"r0\"");
    }

    @Test
    void loadingANodeFromAWorkflowSavesItsSettingsAgain() throws Exception {
        final ScriptedModel model = model(1, 1);
        final NodeSettings settings = new NodeSettings("model");
        settings.addString("saved", "from the workflow");
        settings.addString("stale", "a key the node no longer reads");
        final NodeSettings washed = node(model).loadSettings(settings);
        assertThat(washed.getString("saved")).isEqualTo("from the workflow");
        assertThat(washed.containsKey("stale")).isFalse();
    }

    @Test
    void aSettingsModelIdMismatchIsOnlyAnAssertion() throws Exception {
        final NodeSettings settings = new NodeSettings("model");
        new SettingsModelInteger("count", 7).saveSettingsTo(settings);
        // our tests run with -ea, as Maven's surefire does by default: the assert fires
        assertThatThrownBy(() -> new SettingsModelString("count", "x").loadSettingsFrom(settings))
            .isInstanceOf(AssertionError.class).hasMessageContaining("WriteID = SMID_integer");
        // KNIME runs without -ea: the ID is not checked, and the entry is read as the model's own type
        final URL classes = SettingsModelString.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader noAsserts = new URLClassLoader(new URL[] {classes},
            ClassLoader.getPlatformClassLoader())) {
            noAsserts.setDefaultAssertionStatus(false);
            final Class<?> settingsClass = noAsserts.loadClass(NodeSettings.class.getName());
            final Object loaded = settingsClass.getConstructor(String.class).newInstance("model");
            final Class<?> integerModel = noAsserts.loadClass(SettingsModelInteger.class.getName());
            final Class<?> wo = noAsserts.loadClass(NodeSettingsWO.class.getName());
            final Class<?> ro = noAsserts.loadClass(NodeSettingsRO.class.getName());
            final Object writer = integerModel.getConstructor(String.class, int.class).newInstance("count", 7);
            integerModel.getMethod("saveSettingsTo", wo).invoke(writer, loaded);
            // write a string under the integer model's internals, as a changed node would read it
            settingsClass.getMethod("addString", String.class, String.class).invoke(loaded, "count", "seven");
            final Class<?> stringModel = noAsserts.loadClass(SettingsModelString.class.getName());
            final Object reader = stringModel.getConstructor(String.class, String.class).newInstance("count", "x");
            stringModel.getMethod("loadSettingsFrom", ro).invoke(reader, loaded);
            final Method value = stringModel.getMethod("getStringValue");
            assertThat(value.invoke(reader)).isEqualTo("seven");
        }
    }
}
