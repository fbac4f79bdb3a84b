package io.github.sparselr.knime.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;

/**
 * The stand-in's SettingsModelColumnFilter2 saves what KNIME 5.1's saves (knime-core
 * {@code org.knime.core.node.util.filter.NameFilterConfiguration#saveConfiguration},
 * {@code PatternFilterConfiguration#saveConfiguration},
 * {@code column.DataColumnSpecFilterConfiguration#saveConfigurationChild}) and still loads what it saved before.
 */
class ColumnFilterSettingsTest {

    @Test
    void savesTheNamePatternAndDatatypeSubConfigsWithKnimesDefaults() throws Exception {
        final NodeSettings settings = new NodeSettings("model");
        new SettingsModelColumnFilter2("columns", DoubleValue.class).saveSettingsTo(settings);

        final NodeSettingsRO columns = settings.getNodeSettings("columns");
        assertThat(List.copyOf(columns.keySet())).containsExactly("filter-type", "included_names", "excluded_names",
            "enforce_option", "name_pattern", "datatype");
        final NodeSettingsRO pattern = columns.getNodeSettings("name_pattern");
        assertThat(List.copyOf(pattern.keySet())).containsExactly("pattern", "type", "caseSensitive",
            "excludeMatching");
        assertThat(pattern.getString("pattern")).isEmpty();
        assertThat(pattern.getString("type")).isEqualTo("Wildcard");
        assertThat(pattern.getBoolean("caseSensitive")).isTrue();
        assertThat(pattern.getBoolean("excludeMatching")).isFalse();
        assertThat(List.copyOf(columns.getNodeSettings("datatype").keySet())).containsExactly("typelist");
        assertThat(columns.getNodeSettings("datatype").getNodeSettings("typelist").keySet()).isEmpty();
    }

    @Test
    void loadsAFilterSavedWithoutNamePatternOrDatatype() throws Exception {
        final NodeSettings settings = new NodeSettings("model");
        final NodeSettingsWO columns = settings.addNodeSettings("columns");
        columns.addString("filter-type", "STANDARD");
        columns.addStringArray("included_names");
        columns.addStringArray("excluded_names", "x");
        columns.addString("enforce_option", "EnforceExclusion");
        final SettingsModelColumnFilter2 filter = new SettingsModelColumnFilter2("columns", DoubleValue.class);
        filter.validateSettings(settings);
        filter.loadSettingsFrom(settings);

        final NodeSettings saved = new NodeSettings("model");
        filter.saveSettingsTo(saved);
        assertThat(saved.getNodeSettings("columns").getStringArray("excluded_names")).containsExactly("x");
        assertThat(saved.getNodeSettings("columns").getNodeSettings("name_pattern").getString("type"))
            .isEqualTo("Wildcard");
    }

    @Test
    void ignoresAnUnreadableNamePatternOrDatatypeOfAStandardFilterAsKnimeDoes() throws Exception {
        // NameFilterConfiguration#loadConfigurationInModel only fails on them when the filter type uses them
        final NodeSettings settings = new NodeSettings("model");
        final NodeSettingsWO columns = settings.addNodeSettings("columns");
        columns.addString("filter-type", "STANDARD");
        columns.addStringArray("included_names", "x");
        columns.addStringArray("excluded_names");
        columns.addString("enforce_option", "EnforceInclusion");
        columns.addString("name_pattern", "not a config");
        columns.addNodeSettings("datatype");
        final SettingsModelColumnFilter2 filter = new SettingsModelColumnFilter2("columns", DoubleValue.class);
        filter.loadSettingsFrom(settings);

        final NodeSettings saved = new NodeSettings("model");
        filter.saveSettingsTo(saved);
        assertThat(saved.getNodeSettings("columns").getStringArray("included_names")).containsExactly("x");
        assertThat(saved.getNodeSettings("columns").getNodeSettings("name_pattern").getString("type"))
            .isEqualTo("Wildcard");
        assertThat(saved.getNodeSettings("columns").getNodeSettings("datatype").getNodeSettings("typelist").keySet())
            .isEmpty();
    }

    @Test
    void keepsALoadedNamePatternAndTypeListWhenSavingAgain() throws Exception {
        final NodeSettings settings = new NodeSettings("model");
        final NodeSettingsWO columns = settings.addNodeSettings("columns");
        columns.addString("filter-type", "STANDARD");
        columns.addStringArray("included_names", "pixel1");
        columns.addStringArray("excluded_names");
        columns.addString("enforce_option", "EnforceInclusion");
        final NodeSettingsWO pattern = columns.addNodeSettings("name_pattern");
        pattern.addString("pattern", "pixel*");
        pattern.addString("type", "Regex");
        pattern.addBoolean("caseSensitive", false);
        pattern.addBoolean("excludeMatching", true);
        columns.addNodeSettings("datatype").addNodeSettings("typelist")
            .addBoolean("org.knime.core.data.DoubleValue", true);
        final SettingsModelColumnFilter2 filter = new SettingsModelColumnFilter2("columns", DoubleValue.class);
        filter.loadSettingsFrom(settings);

        final NodeSettings saved = new NodeSettings("model");
        filter.saveSettingsTo(saved);
        final NodeSettingsRO savedPattern = saved.getNodeSettings("columns").getNodeSettings("name_pattern");
        assertThat(savedPattern.getString("pattern")).isEqualTo("pixel*");
        assertThat(savedPattern.getString("type")).isEqualTo("Regex");
        assertThat(savedPattern.getBoolean("caseSensitive")).isFalse();
        assertThat(savedPattern.getBoolean("excludeMatching")).isTrue();
        assertThat(saved.getNodeSettings("columns").getNodeSettings("datatype").getNodeSettings("typelist")
            .getBoolean("org.knime.core.data.DoubleValue")).isTrue();
    }
}
