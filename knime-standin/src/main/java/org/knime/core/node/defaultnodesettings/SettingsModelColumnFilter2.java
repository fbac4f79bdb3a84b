package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Stand-in for KNIME 5.1's {@code SettingsModelColumnFilter2}, the "STANDARD" (manual include/exclude)
 * filter: a sub-config under the config name with {@code filter-type}, {@code included_names},
 * {@code excluded_names}, {@code enforce_option} and, as KNIME saves them, the settings of the filter
 * modes the stand-in does not apply: {@code name_pattern} ({@code pattern}, {@code type},
 * {@code caseSensitive}, {@code excludeMatching}) and {@code datatype} ({@code typelist}); see
 * {@code org.knime.core.node.util.filter.NameFilterConfiguration#saveConfiguration},
 * {@code PatternFilterConfiguration#saveConfiguration} and
 * {@code column.DataColumnSpecFilterConfiguration#saveConfigurationChild} (docs/knime-format.md §6). Those two
 * sub-configs are kept as loaded and written back; files without them (saved before) still load, with
 * KNIME's defaults. Columns in neither list are included under {@code EnforceExclusion} (the default) and
 * excluded under {@code EnforceInclusion}.
 */
public final class SettingsModelColumnFilter2 extends SettingsModel {

    private static final String KEY_FILTER_TYPE = "filter-type";

    private static final String KEY_INCLUDED = "included_names";

    private static final String KEY_EXCLUDED = "excluded_names";

    private static final String KEY_ENFORCE = "enforce_option";

    private static final String STANDARD = "STANDARD";

    private static final String KEY_NAME_PATTERN = "name_pattern";

    private static final String KEY_DATATYPE = "datatype";

    private static final String KEY_TYPELIST = "typelist";

    private final String m_configName;

    private final Class<? extends DataValue>[] m_allowedTypes;

    private String[] m_includes = new String[0];

    private String[] m_excludes = new String[0];

    private boolean m_enforceInclusion;

    /** The name_pattern settings, by default those of KNIME's {@code PatternFilterConfiguration}. */
    private String m_pattern = "";

    private String m_patternType = "Wildcard";

    private boolean m_caseSensitive = true;

    private boolean m_excludeMatching;

    /** The datatype filter's {@code typelist}: DataValue class name to selected; empty until a dialog fills it. */
    private Map<String, Boolean> m_typeList = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public SettingsModelColumnFilter2(final String configName) {
        this(configName, new Class[0]);
    }

    @SafeVarargs
    public SettingsModelColumnFilter2(final String configName, final Class<? extends DataValue>... allowedTypes) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("Config name must not be null or empty.");
        }
        m_configName = configName;
        m_allowedTypes = allowedTypes.clone();
    }

    @Override
    protected SettingsModelColumnFilter2 createClone() {
        final SettingsModelColumnFilter2 clone = new SettingsModelColumnFilter2(m_configName, m_allowedTypes);
        clone.m_includes = m_includes.clone();
        clone.m_excludes = m_excludes.clone();
        clone.m_enforceInclusion = m_enforceInclusion;
        clone.m_pattern = m_pattern;
        clone.m_patternType = m_patternType;
        clone.m_caseSensitive = m_caseSensitive;
        clone.m_excludeMatching = m_excludeMatching;
        clone.m_typeList = new LinkedHashMap<>(m_typeList);
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_columnfilter";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public FilterResult applyTo(final DataTableSpec inSpec) {
        final List<String> names = new ArrayList<>();
        for (final DataColumnSpec column : inSpec) {
            if (isAllowed(column)) {
                names.add(column.getName());
            }
        }
        final Set<String> includes = new LinkedHashSet<>(Arrays.asList(m_includes));
        final Set<String> excludes = new LinkedHashSet<>(Arrays.asList(m_excludes));
        final List<String> incls = new ArrayList<>();
        final List<String> excls = new ArrayList<>();
        for (final String name : names) {
            if (includes.remove(name)) {
                incls.add(name);
                excludes.remove(name);
            } else if (excludes.remove(name)) {
                excls.add(name);
            } else if (m_enforceInclusion) {
                excls.add(name);
            } else {
                incls.add(name);
            }
        }
        return new FilterResult(incls, excls, new ArrayList<>(includes), new ArrayList<>(excludes));
    }

    private boolean isAllowed(final DataColumnSpec column) {
        if (m_allowedTypes.length == 0) {
            return true;
        }
        for (final Class<? extends DataValue> type : m_allowedTypes) {
            if (column.getType().isCompatible(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            // keep the current state, as KNIME's dialog falls back to defaults
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        createClone().loadSettingsForModel(settings);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        final String type = sub.getString(KEY_FILTER_TYPE);
        if (!STANDARD.equals(type)) {
            throw new InvalidSettingsException("Column filter '" + m_configName + "' has type '" + type
                + "'; the stand-in supports only the manual " + STANDARD + " selection.");
        }
        final String enforce = sub.getString(KEY_ENFORCE);
        if (!"EnforceInclusion".equals(enforce) && !"EnforceExclusion".equals(enforce)) {
            throw new InvalidSettingsException("Invalid enforce option: " + enforce);
        }
        final String[] includes = sub.getStringArray(KEY_INCLUDED);
        final String[] excludes = sub.getStringArray(KEY_EXCLUDED);
        m_includes = includes == null ? new String[0] : includes;
        m_excludes = excludes == null ? new String[0] : excludes;
        m_enforceInclusion = "EnforceInclusion".equals(enforce);
        loadInactiveModes(sub);
        notifyChangeListeners();
    }

    /**
     * The name_pattern and datatype settings, which a STANDARD filter does not use: as KNIME's
     * NameFilterConfiguration#loadConfigurationInModel and DataColumnSpecFilterConfiguration#loadConfigurationInModelChild,
     * an absent or unreadable sub-config leaves KNIME's defaults instead of failing.
     */
    private void loadInactiveModes(final NodeSettingsRO sub) {
        m_pattern = "";
        m_patternType = "Wildcard";
        m_caseSensitive = true;
        m_excludeMatching = false;
        try {
            final NodeSettingsRO pattern = sub.getNodeSettings(KEY_NAME_PATTERN);
            m_pattern = pattern.getString("pattern", "");
            m_patternType = pattern.getString("type", "Wildcard");
            m_caseSensitive = pattern.getBoolean("caseSensitive", true);
            m_excludeMatching = pattern.getBoolean("excludeMatching", false);
        } catch (InvalidSettingsException e) {
            // absent (saved before the stand-in wrote it) or not a config: the defaults stay
        }
        m_typeList = new LinkedHashMap<>();
        try {
            final NodeSettingsRO typeList = sub.getNodeSettings(KEY_DATATYPE).getNodeSettings(KEY_TYPELIST);
            for (final String valueClass : typeList.keySet()) {
                m_typeList.put(valueClass, typeList.getBoolean(valueClass, false));
            }
        } catch (InvalidSettingsException e) {
            // absent or not a config: an empty type list, as a new KNIME filter has
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addString(KEY_FILTER_TYPE, STANDARD);
        sub.addStringArray(KEY_INCLUDED, m_includes);
        sub.addStringArray(KEY_EXCLUDED, m_excludes);
        sub.addString(KEY_ENFORCE, m_enforceInclusion ? "EnforceInclusion" : "EnforceExclusion");
        final NodeSettingsWO pattern = sub.addNodeSettings(KEY_NAME_PATTERN);
        pattern.addString("pattern", m_pattern);
        pattern.addString("type", m_patternType);
        pattern.addBoolean("caseSensitive", m_caseSensitive);
        pattern.addBoolean("excludeMatching", m_excludeMatching);
        final NodeSettingsWO typeList = sub.addNodeSettings(KEY_DATATYPE).addNodeSettings(KEY_TYPELIST);
        for (final Map.Entry<String, Boolean> selected : m_typeList.entrySet()) {
            typeList.addBoolean(selected.getKey(), selected.getValue());
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
