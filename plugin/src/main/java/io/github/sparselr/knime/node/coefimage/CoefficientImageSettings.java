package io.github.sparselr.knime.node.coefimage;

import io.github.sparselr.knime.node.NodeSettingsGroup;
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

    private final NodeSettingsGroup m_group = new NodeSettingsGroup(m_width, m_height, m_columns, m_scale, m_title);

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

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
