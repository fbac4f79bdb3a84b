package io.github.sparselr.knime.node.coefimage;

import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The viewer's settings: image shape (28 × 28 for MNIST), grid columns, pixel scale and title. */
final class CoefficientImageSettings {

    static final String KEY_WIDTH = "image_width";
    static final String KEY_HEIGHT = "image_height";
    static final String KEY_COLUMNS = "grid_columns";
    static final String KEY_SCALE = "pixel_scale";
    static final String KEY_TITLE = "title";

    private final SettingsModelIntegerBounded m_width = new SettingsModelIntegerBounded(KEY_WIDTH, 28, 1, 100_000);
    private final SettingsModelIntegerBounded m_height = new SettingsModelIntegerBounded(KEY_HEIGHT, 28, 1, 100_000);
    private final SettingsModelIntegerBounded m_columns = new SettingsModelIntegerBounded(KEY_COLUMNS, 5, 1, 1000);
    private final SettingsModelIntegerBounded m_scale = new SettingsModelIntegerBounded(KEY_SCALE, 6, 1, 64);
    private final SettingsModelString m_title = new SettingsModelString(KEY_TITLE, "Classification vector for...");

    private List<SettingsModel> all() {
        return List.of(m_width, m_height, m_columns, m_scale, m_title);
    }

    SettingsModelIntegerBounded width() {
        return m_width;
    }

    SettingsModelIntegerBounded height() {
        return m_height;
    }

    SettingsModelIntegerBounded columns() {
        return m_columns;
    }

    SettingsModelIntegerBounded scale() {
        return m_scale;
    }

    SettingsModelString title() {
        return m_title;
    }

    void saveSettingsTo(final NodeSettingsWO settings) {
        for (final SettingsModel m : all()) {
            m.saveSettingsTo(settings);
        }
    }

    void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : all()) {
            m.validateSettings(settings);
        }
    }

    void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : all()) {
            m.loadSettingsFrom(settings);
        }
    }
}
