package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.testing.HexFixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** numpy 1.24.2's mean and std (fixtures/make_kfold_fixtures.py). */
class FoldStatisticsTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/kfold-fixtures.txt");

    static Stream<String> statsCases() {
        return FIXTURES.keySet().stream().filter(name -> name.startsWith("stats_"));
    }

    @ParameterizedTest
    @MethodSource("statsCases")
    void meanAndStdAreNumpysToTheBit(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final double[] values = c.doubles("values");
        assertThat(FoldStatistics.mean(values)).isEqualTo(c.doubles("mean")[0]);
        assertThat(FoldStatistics.std(values)).isEqualTo(c.doubles("std")[0]);
    }

    @Test
    void pairwiseSummationDiffersFromLeftToRightWhereNumpysDoes() {
        // eight running sums: 1e16 + 1 + … loses the ones left to right, but not when each lane adds its own
        final double[] values = {1e16, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double leftToRight = 0;
        for (final double v : values) {
            leftToRight += v;
        }
        assertThat(FoldStatistics.sum(values, 0, values.length)).isNotEqualTo(leftToRight)
            .isEqualTo(1.0000000000000014e16);
        assertThat(statsCases()).hasSizeGreaterThan(8);
    }
}
