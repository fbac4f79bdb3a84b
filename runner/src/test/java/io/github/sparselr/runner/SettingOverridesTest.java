package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeSettings;

/**
 * {@code -option} types as KNIME 5.1.0's batch executor treats them
 * ({@code org.knime.core.node.workflow.BatchExecutor#setNodeOptions}): "float" and "double" both add a
 * double parsed with {@code Double.parseDouble}, every other type adds an entry of its own type, which a
 * setting of another type does not read ({@code org.knime.core.node.config.base.ConfigBase#getInt} accepts
 * only an int entry).
 */
class SettingOverridesTest {

    private static NodeSettings model() {
        final NodeSettings model = new NodeSettings("model");
        model.addDouble("tol", 1e-4);
        model.addInt("cv", 5);
        return model;
    }

    @Test
    void floatSetsADoubleSettingToTheFullDoubleAsKnimeDoes() throws Exception {
        final NodeSettings model = model();
        SettingOverrides.set(model, "tol", "0.1", "float", "node 4");
        assertThat(model.getDouble("tol")).isEqualTo(0.1).isNotEqualTo((double) 0.1f);
    }

    @Test
    void longOnAnIntSettingIsRefusedAsKnimeRefusesItSayingWhy() {
        final NodeSettings model = model();
        assertThatThrownBy(() -> SettingOverrides.set(model, "cv", "5", "long", "node 4"))
            .isInstanceOf(WorkflowLoadException.class)
            .hasMessageContaining("setting 'cv' is not of type long")
            .hasMessageContaining("KNIME refuses it too")
            .hasMessageContaining("give the type the setting has, int.");
        assertThatThrownBy(() -> SettingOverrides.set(model, "tol", "1", "int", "node 4"))
            .hasMessageContaining("setting 'tol' is not of type int").hasMessageContaining("give the type the setting has, double.");
    }
}
