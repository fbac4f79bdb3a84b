package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.testing.HexFixtures;
import io.github.sparselr.testing.MnistSubset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cross-validated paths against scikit-learn 1.2.1 (fixtures/saga/make_cv_fixtures.py) and across thread counts. */
class CrossValidatedPathTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/saga/cv-fixtures.txt");

    private static DenseDataset standardized;

    @BeforeAll
    static void standardize() {
        standardized = MnistSubset.standardized();
    }

    private static SagaPathSolver solverOf(final HexFixtures.Case c) {
        return new SagaPathSolver(new SagaParameters(Penalty.L1, 1.0, 0.0, Double.parseDouble(c.header(3)),
            Integer.parseInt(c.header(4)), true, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1_5folds", "l1_3folds", "binary_l1_4folds"})
    void scoresEachCAsScikitLearnsStratifiedFoldsAndWarmStartedRefitsDo(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final int folds = Integer.parseInt(c.header(1));
        final double[] cs = c.doubles("cs");
        final SagaPathSolver solver = solverOf(c);
        final DenseDataset data = c.has("rows") ? standardized.select(c.ints("rows")) : standardized;

        final PathResult result = CrossValidatedPath.run(data, cs, solver, folds,
            Long.parseLong(c.header(2)), SelectionRule.BEST, 2, PathProgress.NONE);

        assertThat(result.cvScores()).hasSize(cs.length);
        for (int i = 0; i < cs.length; i++) {
            final CvScores s = result.cvScores().get(i);
            // the same predictions as scikit-learn's, so the same accuracies, combined as numpy combines them
            assertThat(s.accuracyMean()).as("accuracy mean at C=%s", cs[i]).isEqualTo(c.doubles("accuracy_mean")[i]);
            assertThat(s.accuracySd()).as("accuracy sd at C=%s", cs[i]).isEqualTo(c.doubles("accuracy_sd")[i]);
            // probabilities differ from scikit-learn's in the last bits (matrix product, sums over classes)
            assertThat(s.logLossMean()).as("log loss mean").isCloseTo(c.doubles("log_loss_mean")[i], within(1e-12));
            assertThat(s.logLossSd()).as("log loss sd").isCloseTo(c.doubles("log_loss_sd")[i], within(1e-12));
        }
        assertThat(result.selectedIndex()).isEqualTo(c.ints("best")[0]);
        assertThat(CrossValidatedPath.select(result.cvScores(), folds, SelectionRule.ONE_STANDARD_ERROR))
            .isEqualTo(c.ints("one_se")[0]);

        // the points are the path refitted on all rows
        final List<PathPoint> allRows = solver.fit(data, cs, PathProgress.NONE);
        for (int i = 0; i < cs.length; i++) {
            assertThat(result.points().get(i).model()).isEqualTo(allRows.get(i).model());
            assertThat(result.points().get(i).convergence()).isEqualTo(allRows.get(i).convergence());
            assertThat(result.points().get(i).c()).isEqualTo(cs[i]);
        }
    }

    @Test
    void theFiveFoldCaseChoosesASmallerCByOneStandardErrorThanByTheBestMean() {
        final HexFixtures.Case c = FIXTURES.get("l1_5folds");
        assertThat(c.ints("one_se")[0]).isLessThan(c.ints("best")[0]);
    }

    @Test
    void givesTheSameResultToTheBitOnOneAndOnThreeThreads() {
        final HexFixtures.Case c = FIXTURES.get("l1_3folds");
        final double[] cs = c.doubles("cs");
        final PathResult one = CrossValidatedPath.run(standardized, cs, solverOf(c), 3, 7,
            SelectionRule.ONE_STANDARD_ERROR, 1, PathProgress.NONE);
        final PathResult three = CrossValidatedPath.run(standardized, cs, solverOf(c), 3, 7,
            SelectionRule.ONE_STANDARD_ERROR, 3, PathProgress.NONE);

        assertThat(three.cvScores()).isEqualTo(one.cvScores());
        assertThat(three.selectedIndex()).isEqualTo(one.selectedIndex());
        for (int i = 0; i < cs.length; i++) {
            assertThat(three.points().get(i).model()).isEqualTo(one.points().get(i).model());
            assertThat(three.points().get(i).convergence()).isEqualTo(one.points().get(i).convergence());
        }
        final List<Long> bits = new ArrayList<>();
        for (final CvScores s : one.cvScores()) {
            bits.add(Double.doubleToRawLongBits(s.logLossMean()));
        }
        final List<Long> bitsThree = new ArrayList<>();
        for (final CvScores s : three.cvScores()) {
            bitsThree.add(Double.doubleToRawLongBits(s.logLossMean()));
        }
        assertThat(bitsThree).isEqualTo(bits);
    }
}
