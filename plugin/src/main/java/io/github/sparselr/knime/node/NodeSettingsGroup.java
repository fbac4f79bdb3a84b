package io.github.sparselr.knime.node;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;

/**
 * A node's settings models, saved, validated and loaded together. A node's settings class owns one
 * and adds checks that span several settings by overriding {@link #validateAcrossSettings}.
 *
 * <p>Every double setting must be a finite number. KNIME's own {@code SettingsModelDoubleBounded}
 * checks its range with {@code <} and {@code >} ({@code checkBounds}), so NaN passes it, and an
 * unbounded {@code SettingsModelDouble} takes ±∞ too; {@link #validateSettings} rejects both for
 * every {@link SettingsModelDouble} of the group when KNIME validates the settings, before they load,
 * and no node's own checks can skip that.
 */
public class NodeSettingsGroup {

    private final List<SettingsModel> m_models;

    /** The double models and the key each one saves its value under. */
    private final List<DoubleSetting> m_doubles = new ArrayList<>();

    private record DoubleSetting(String key, SettingsModelDouble model) {
    }

    public NodeSettingsGroup(final SettingsModel... models) {
        m_models = List.of(models);
        for (final SettingsModel m : m_models) {
            if (m instanceof SettingsModelDouble) {
                m_doubles.add(new DoubleSetting(keyOf(m), (SettingsModelDouble) m));
            }
        }
    }

    /**
     * The key a model saves its value under. KNIME keeps a model's config name protected
     * ({@code SettingsModel#getConfigName}), so we read it from what the model saves: its value's key
     * and the {@code <key>_Internals} config beside it.
     */
    private static String keyOf(final SettingsModel model) {
        final NodeSettings saved = new NodeSettings("model");
        model.saveSettingsTo(saved);
        final List<String> keys = new ArrayList<>(saved.keySet());
        keys.removeIf(k -> k.endsWith(SettingsModel.CFGKEY_INTERNAL));
        if (keys.size() != 1) {
            throw new IllegalStateException(model + " saves the keys " + keys + "; a double setting saves one.");
        }
        return keys.get(0);
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        for (final SettingsModel m : m_models) {
            m.saveSettingsTo(settings);
        }
    }

    /**
     * Checks every value without loading it: every double setting is a finite number, every model
     * accepts its value, then {@link #validateAcrossSettings}.
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final DoubleSetting d : m_doubles) {
            // a missing key is left to the model's own check, which names it
            if (settings.containsKey(d.key())) {
                requireFinite(d, settings.getDouble(d.key()));
            }
        }
        for (final SettingsModel m : m_models) {
            m.validateSettings(settings);
        }
        validateAcrossSettings(settings);
    }

    /** Checks that span several settings (or a model's value further); none unless a node adds them. */
    protected void validateAcrossSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        // no checks beyond the models' own
    }

    public final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : m_models) {
            m.loadSettingsFrom(settings);
        }
    }

    private static void requireFinite(final DoubleSetting setting, final double value)
        throws InvalidSettingsException {
        if (Double.isFinite(value)) {
            return;
        }
        throw new InvalidSettingsException("Setting '" + setting.key() + "' is "
            + (Double.isNaN(value) ? "NaN (not a number)" : Double.toString(value)) + "; give a finite number"
            + range(setting.model()) + ".");
    }

    /** The allowed range in words, e.g. " from 0 to 1" or " greater than 0"; empty when unbounded. */
    private static String range(final SettingsModelDouble model) {
        if (!(model instanceof SettingsModelDoubleBounded)) {
            return "";
        }
        final double lower = ((SettingsModelDoubleBounded) model).getLowerBound();
        final double upper = ((SettingsModelDoubleBounded) model).getUpperBound();
        final boolean hasLower = lower > -Double.MAX_VALUE;
        final boolean hasUpper = upper < Double.MAX_VALUE;
        if (lower == Double.MIN_VALUE) {
            return " greater than 0" + (hasUpper ? " and at most " + number(upper) : "");
        }
        if (hasLower && hasUpper) {
            return " from " + number(lower) + " to " + number(upper);
        }
        if (hasLower) {
            return " of at least " + number(lower);
        }
        return hasUpper ? " of at most " + number(upper) : "";
    }

    private static String number(final double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
            : Double.toString(value);
    }
}
