package io.github.sparselr.runner;

import java.util.Locale;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * Changes one model setting as KNIME's batch executor does for {@code -option=nodeID,path,value,type}
 * (path segments separated by '/') and for settings bound to workflow variables. The setting must
 * exist, and the new value must have its type.
 */
final class SettingOverrides {

    private SettingOverrides() {
    }

    /**
     * @param type int, long, double, float, boolean or String (case-insensitive; KNIME's batch names)
     * @param where how messages name the node
     */
    static void set(final NodeSettings model, final String path, final String value, final String type,
        final String where) throws WorkflowLoadException {
        final String[] segments = path.split("/");
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
        if (!config.containsKey(key)) {
            throw new WorkflowLoadException(where + " has no setting '" + path + "'; its settings are "
                + config.keySet() + ".");
        }
        final String kind = type.toLowerCase(Locale.ROOT);
        try {
            switch (kind) {
                case "int", "integer" -> {
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
                case "string" -> {
                    config.getString(key);
                    config.addString(key, value);
                }
                default -> throw new WorkflowLoadException(where + ", setting '" + path + "': unknown type '" + type
                    + "'; use int, long, double, boolean or String.");
            }
        } catch (InvalidSettingsException e) {
            throw new WorkflowLoadException(where + ", setting '" + path + "' is not of type " + type
                + "; give the type the setting has.", e);
        } catch (NumberFormatException e) {
            throw new WorkflowLoadException(where + ", setting '" + path + "': '" + value + "' is not a valid " + type
                + ".", e);
        }
    }
}
