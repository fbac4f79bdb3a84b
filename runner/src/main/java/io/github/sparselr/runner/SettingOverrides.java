package io.github.sparselr.runner;

import java.util.List;
import java.util.Locale;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * Changes one model setting as KNIME's batch executor does for {@code -option=nodeID,path,value,type}
 * (path segments separated by '/') and for settings bound to workflow variables. The setting must
 * exist, and the new value must have its type, as in KNIME 5.1.0: {@code BatchExecutor#setNodeOptions}
 * adds "float" and "double" as a double (parsed as a double), every other type as an entry of that type,
 * and {@code ConfigBase#getInt} and the other getters read only an entry of their own type, so a long
 * given for an int setting fails there.
 */
final class SettingOverrides {

    private SettingOverrides() {
    }

    /**
     * The type names of KNIME 5.1's batch executor, exactly as it compares them (case included):
     * {@code org.knime.core.node.workflow.BatchExecutor#setNodeOptions} in knime-core 5.1.0 compares them
     * with {@code "int".equals(type)} and so on, and throws for any other name.
     */
    static final List<String> BATCH_TYPES = List.of("int", "long", "short", "byte", "boolean", "char", "float",
        "double", "String", "StringCell", "DoubleCell", "IntCell", "LongCell");

    /**
     * @param type one of {@link #BATCH_TYPES}
     * @param where how messages name the node
     */
    static void set(final NodeSettings model, final String path, final String value, final String type,
        final String where) throws WorkflowLoadException {
        if (!BATCH_TYPES.contains(type)) {
            throw new WorkflowLoadException(where + ", setting '" + path + "': unknown type '" + type + "'; KNIME's "
                + "batch executor takes " + String.join(", ", BATCH_TYPES) + " (exactly so written).");
        }
        final String[] segments = path.split("/");
        for (final String segment : segments) {
            if (isInternal(segment)) {
                throw new WorkflowLoadException(where + " has no setting '" + path + "': '" + segment + "' holds a "
                    + "settings model's internal state (KNIME saves it beside the setting), which is no setting to "
                    + "change; its settings are " + model.keySet().stream().filter(k -> !isInternal(k)).toList() + ".");
            }
        }
        NodeSettings config = model;
        try {
            for (int i = 0; i < segments.length - 1; i++) {
                config = config.getNodeSettings(segments[i]);
            }
        } catch (InvalidSettingsException e) {
            throw new WorkflowLoadException(where + " has no setting '" + path + "'; check the key (sub-settings are "
                + "separated by '/').", e);
        }
        final String key = segments[segments.length - 1];
        if (!config.containsKey(key) || isInternal(key)) {
            throw new WorkflowLoadException(where + " has no setting '" + path + "'; its settings are "
                + config.keySet().stream().filter(k -> !isInternal(k)).toList() + ".");
        }
        try {
            switch (type) {
                case "int" -> {
                    config.getInt(key);
                    config.addInt(key, Integer.parseInt(value.strip()));
                }
                case "long" -> {
                    config.getLong(key);
                    config.addLong(key, Long.parseLong(value.strip()));
                }
                case "double", "float" -> {
                    config.getDouble(key);
                    config.addDouble(key, Double.parseDouble(value.strip()));
                }
                case "boolean" -> {
                    config.getBoolean(key);
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new NumberFormatException("not true or false");
                    }
                    config.addBoolean(key, Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
                }
                case "String" -> {
                    config.getString(key);
                    config.addString(key, value);
                }
                default -> throw new InvalidSettingsException("no sparselr setting has type " + type);
            }
        } catch (InvalidSettingsException e) {
            throw new WorkflowLoadException(where + ", setting '" + path + "' is not of type " + type
                + "; give the type the setting has, " + typeOf(config, key) + ". KNIME refuses it too: its batch executor adds an entry of the given type, which a setting of "
                + "another type does not read; only 'float' is read as 'double' (it adds a double, not rounded).", e);
        } catch (NumberFormatException e) {
            throw new WorkflowLoadException(where + ", setting '" + path + "': '" + value + "' is not a valid " + type
                + ".", e);
        }
    }

    /** The batch type of the setting's entry, as the types are tried in {@link #set}. */
    private static String typeOf(final NodeSettings config, final String key) {
        for (final String type : List.of("int", "long", "double", "boolean", "String")) {
            try {
                switch (type) {
                    case "int" -> config.getInt(key);
                    case "long" -> config.getLong(key);
                    case "double" -> config.getDouble(key);
                    case "boolean" -> config.getBoolean(key);
                    default -> config.getString(key);
                }
                return type;
            } catch (InvalidSettingsException e) {
                // not this type; try the next
            }
        }
        return "<its type>";
    }

    /** KNIME's settings models save their enabled state under "KEY_Internals"; it is no setting to change. */
    private static boolean isInternal(final String key) {
        return key.endsWith("_Internals");
    }
}
