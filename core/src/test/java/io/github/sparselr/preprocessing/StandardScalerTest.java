package io.github.sparselr.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.testing.HexFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardScalerTest {

    private static final Map<String, HexFixtures.Case> FIXTURES =
        HexFixtures.read("/fixtures/scaler-fixtures.txt");

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "single_row", "without_mean", "without_std", "neither"})
    void fitsAndTransformsBitForBitLikeScikitLearn121(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final boolean withMean = c.header(1).equals("1");
        final boolean withStd = c.header(2).equals("1");
        final int rows = Integer.parseInt(c.header(3));
        final int cols = Integer.parseInt(c.header(4));
        final double[] x = c.doubles("x");

        final ScalerModel model = new StandardScaler(withMean, withStd).fit(x, rows, names(cols));

        assertThat(model.samplesSeen()).isEqualTo(Long.parseLong(c.words("samples")[0]));
        assertBits(model.mean(), c.has("mean") ? c.doubles("mean") : null);
        assertBits(model.variance(), c.has("var") ? c.doubles("var") : null);
        assertBits(model.scale(), c.has("scale") ? c.doubles("scale") : null);
        assertBits(model.transform(x, rows), c.doubles("transformed"));
    }

    @Test
    void givesNearConstantColumnsScaleOneAndLeavesTheInputUntouched() {
        final double[] x = {0, 3, 1, 0, 3, 2, 0, 3, 3};
        final double[] copy = x.clone();
        final ScalerModel model = StandardScaler.centeringAndScaling().fit(x, 3, names(3));

        assertThat(model.scale()[0]).isEqualTo(1.0);
        assertThat(model.scale()[1]).isEqualTo(1.0);
        assertThat(model.transform(x, 3)).containsExactly(0, 0, -1.224744871391589, 0, 0, 0, 0, 0,
            1.224744871391589);
        assertThat(x).containsExactly(copy);
    }

    @Test
    void rejectsAMissingValueNamingColumnAndRow() {
        final double[] x = {1, 2, 3, Double.NaN};
        assertThatThrownBy(() -> StandardScaler.centeringAndScaling().fit(x, 2, List.of("a", "b")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Column 'b'")
            .hasMessageContaining("row 1");
    }

    @Test
    void rejectsAnEmptyMatrixAndAShapeMismatch() {
        assertThatThrownBy(() -> StandardScaler.centeringAndScaling().fit(new double[0], 0, List.of("a")))
            .hasMessageContaining("at least one row");
        assertThatThrownBy(() -> StandardScaler.centeringAndScaling().fit(new double[3], 2, List.of("a", "b")))
            .hasMessageContaining("3 values");
    }

    @Test
    void modelsAreValuesAndDefendTheirArrays() {
        final double[] x = {1, 2, 3, 5};
        final ScalerModel a = StandardScaler.centeringAndScaling().fit(x, 2, List.of("a", "b"));
        final ScalerModel b = StandardScaler.centeringAndScaling().fit(x.clone(), 2, List.of("a", "b"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        a.mean()[0] = 99;
        assertThat(a).isEqualTo(b);
    }

    private static List<String> names(final int cols) {
        final List<String> names = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            names.add("c" + j);
        }
        return names;
    }

    private static void assertBits(final double[] actual, final double[] expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i]))
                .as("element %d: %s vs %s", i, actual[i], expected[i])
                .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }
}
