package io.github.sparselr.knime.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.data.DoubleValue;

class StandinStrictnessTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[] {"x", "label"},
        new DataType[] {DoubleCell.TYPE, StringCell.TYPE});

    @Test
    void settingsModelsPersistValueAndInternalsAndSurviveAnXmlRoundTrip() throws Exception {
        final SettingsModelString model = new SettingsModelString("target", "class");
        final NodeSettings settings = new NodeSettings("model");
        model.saveSettingsTo(settings);

        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        settings.saveToXML(xml);
        final String text = xml.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("<entry key=\"target\" type=\"xstring\" value=\"class\"/>")
            .contains("<config key=\"target_Internals\">")
            .contains("<entry key=\"SettingsModelID\" type=\"xstring\" value=\"SMID_string\"/>")
            .contains("<entry key=\"EnabledStatus\" type=\"xboolean\" value=\"true\"/>");

        final NodeSettingsRO loaded = NodeSettings.loadFromXML(new ByteArrayInputStream(xml.toByteArray()));
        final SettingsModelString other = new SettingsModelString("target", "x");
        other.loadSettingsFrom(loaded);
        assertThat(other.getStringValue()).isEqualTo("class");
        assertThat(loaded.getKey()).isEqualTo("model");
    }

    @Test
    void aMissingKeyIsAnInvalidSettingsException() {
        final SettingsModelString model = new SettingsModelString("target", "class");
        assertThatThrownBy(() -> model.loadSettingsFrom(new NodeSettings("model")))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("target");
    }

    @Test
    void boundedModelsRejectValuesOutOfRange() {
        final NodeSettings settings = new NodeSettings("model");
        settings.addDouble("C", -1.0);
        assertThatThrownBy(() -> new SettingsModelDoubleBounded("C", 1, 0, 10).validateSettings(settings))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("C");
    }

    @Test
    void settingsXmlWithADoctypeIsRefused() {
        final String evil = "<?xml version=\"1.0\"?><!DOCTYPE config [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<config key=\"a\"><entry key=\"b\" type=\"xstring\" value=\"&x;\"/></config>";
        assertThatThrownBy(() -> NodeSettings.loadFromXML(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8))))
            .hasMessageContaining("DOCTYPE");
    }

    @Test
    void columnFilterIncludesNewCompatibleColumnsByDefaultAndRemembersExclusions() throws Exception {
        final SettingsModelColumnFilter2 filter = new SettingsModelColumnFilter2("columns", DoubleValue.class);
        assertThat(filter.applyTo(SPEC).getIncludes()).containsExactly("x");

        final NodeSettings settings = new NodeSettings("model");
        final NodeSettings sub = (NodeSettings) settings.addNodeSettings("columns");
        sub.addString("filter-type", "STANDARD");
        sub.addStringArray("included_names");
        sub.addStringArray("excluded_names", "x");
        sub.addString("enforce_option", "EnforceExclusion");
        filter.loadSettingsFrom(settings);
        assertThat(filter.applyTo(SPEC).getIncludes()).isEmpty();
        assertThat(filter.applyTo(SPEC).getExcludes()).containsExactly("x");
    }

    @Test
    void containersRejectRowsThatDoNotMatchTheSpec() {
        final BufferedDataContainer c = context().createDataContainer(SPEC);
        assertThatThrownBy(() -> c.addRowToTable(new DefaultRow("r0", new DoubleCell(1))))
            .hasMessageContaining("Cell count");
        assertThatThrownBy(() -> c.addRowToTable(new DefaultRow("r0", new StringCell("a"), new StringCell("b"))))
            .hasMessageContaining("does not comply");
        c.addRowToTable(new DefaultRow("r0", new DoubleCell(1), new StringCell("a")));
        assertThatThrownBy(c::getTable).hasMessageContaining("not closed");
    }

    @Test
    void closingAContainerComputesDomainsAndMissingCellsFitAnyColumn() {
        final BufferedDataTable table = HeadlessNode.table(SPEC, List.of(
            new DefaultRow("r0", new DoubleCell(3), new StringCell("b")),
            new DefaultRow("r1", DataType.getMissingCell(), new StringCell("a")),
            new DefaultRow("r2", new DoubleCell(-1), new StringCell("b"))));
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.getSpec().getColumnSpec("label").getDomain().getValues())
            .containsExactly(new StringCell("b"), new StringCell("a"));
        final DataCell lower = table.getSpec().getColumnSpec("x").getDomain().getLowerBound();
        assertThat(((DoubleValue) lower).getDoubleValue()).isEqualTo(-1.0);
    }

    @Test
    void checkCanceledThrowsOnceCancelIsRequested() throws Exception {
        final ProgressRecorder progress = new ProgressRecorder();
        final ExecutionContext exec = HeadlessNode.executionContext(progress);
        exec.checkCanceled();
        exec.createSubExecutionContext(0.5).setProgress(0.5, "half of the first half");
        progress.requestCancel();
        assertThatThrownBy(exec::checkCanceled).isInstanceOf(CanceledExecutionException.class);
        assertThat(progress.reports()).containsExactly(new ProgressRecorder.Report(0.25, "half of the first half"));
    }

    private static ExecutionContext context() {
        return HeadlessNode.executionContext(new ProgressRecorder());
    }
}
