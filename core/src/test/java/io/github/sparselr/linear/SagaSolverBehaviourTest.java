package io.github.sparselr.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SagaSolverBehaviourTest {

    /** Three well-separated blobs in two dimensions. */
    private static DenseDataset blobs() {
        final double[] x = {
            -3, 0, -2.5, 0.4, -3.2, -0.3, -2.8, 0.1,
            3, 0, 2.6, -0.2, 3.3, 0.5, 2.9, -0.4,
            0, 3, 0.3, 2.7, -0.2, 3.1, 0.1, 3.4};
        final String[] y = {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"};
        return DenseDataset.of(x, 12, List.of("x1", "x2"), y);
    }

    private static final SagaParameters L2 = new SagaParameters(Penalty.L2, 1.0, 0, 1e-4, 200, true, 0);

    @Test
    void predictsWellSeparatedClassesAndItsProbabilitiesSumToOne() {
        final DenseDataset data = blobs();
        final LogisticModel model = new SagaSolver(L2).fit(data);
        assertThat(model.classes()).containsExactly("a", "b", "c");
        assertThat(model.score(data)).isEqualTo(1.0);
        assertThat(model.predict(new double[] {-4, 0, 4, 0, 0, 5}, 3)).containsExactly("a", "b", "c");
        final double[] proba = model.predictProba(data.values(), data.rows());
        for (int i = 0; i < data.rows(); i++) {
            assertThat(proba[3 * i] + proba[3 * i + 1] + proba[3 * i + 2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(model.converged()).isTrue();
        assertThat(model.history()).hasSize(model.nIter());
    }

    @Test
    void twoClassesGiveOneCoefficientRowScoringTheSecondClass() {
        final DenseDataset data = blobs().select(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        final LogisticModel model = new SagaSolver(L2).fit(data);
        assertThat(model.coefRows()).isEqualTo(1);
        assertThat(model.coefRow(0)[0]).isPositive();
        assertThat(model.predict(new double[] {5, 0}, 1)).containsExactly("b");
        final double[] p = model.predictProba(new double[] {5, 0}, 1);
        assertThat(p[1]).isGreaterThan(0.5);
        assertThat(p[0] + p[1]).isEqualTo(1.0);
    }

    @Test
    void l1MakesWeightsExactlyZeroAndReportsSparsity() {
        final LogisticModel model = new SagaSolver(L2.withPenalty(Penalty.L1).withC(0.05)).fit(blobs());
        assertThat(model.nonZeroCount()).isLessThan(6);
        assertThat(model.sparsity()).isEqualTo(1.0 - model.nonZeroCount() / 6.0);
    }

    @Test
    void reachingMaxIterIsAFlagNotAnError() {
        final LogisticModel model = new SagaSolver(L2.withTol(0).withMaxIter(3)).fit(blobs());
        assertThat(model.nIter()).isEqualTo(3);
        assertThat(model.converged()).isFalse();
    }

    @Test
    void reportsEachEpochAndStopsWhenCancelled() {
        final List<Integer> epochs = new ArrayList<>();
        new SagaSolver(L2.withTol(0).withMaxIter(4)).fit(blobs(), null, null,
            (epoch, max, change) -> epochs.add(epoch));
        assertThat(epochs).containsExactly(1, 2, 3, 4);

        final FitProgress cancelAfterTwo = new FitProgress() {
            private int seen;

            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
                seen = epoch;
            }

            @Override
            public boolean cancelRequested() {
                return seen >= 2;
            }
        };
        assertThatThrownBy(() -> new SagaSolver(L2.withTol(0)).fit(blobs(), null, null, cancelAfterTwo))
            .isInstanceOf(CancellationException.class).hasMessageContaining("epoch 2");
    }

    @Test
    void rejectsParametersOutsideTheirRangesNamingThem() {
        assertThatThrownBy(() -> L2.withC(0)).hasMessageContaining("C must be");
        assertThatThrownBy(() -> L2.withC(Double.NaN)).hasMessageContaining("C must be");
        assertThatThrownBy(() -> L2.withTol(-1)).hasMessageContaining("tol");
        assertThatThrownBy(() -> L2.withL1Ratio(1.5)).hasMessageContaining("l1_ratio");
        assertThatThrownBy(() -> L2.withMaxIter(0)).hasMessageContaining("max_iter");
        assertThatThrownBy(() -> L2.withRandomState(-1)).hasMessageContaining("random_state");
        assertThatThrownBy(() -> Penalty.parse("l3")).hasMessageContaining("penalty must be one of");
    }

    @Test
    void rejectsBadDataNamingTheProblem() {
        final SagaSolver solver = new SagaSolver(L2);
        final DenseDataset nan = DenseDataset.of(new double[] {1, Double.NaN, 0, 1}, 2, List.of("u", "v"),
            new String[] {"a", "b"});
        assertThatThrownBy(() -> solver.fit(nan)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Column 'v'").hasMessageContaining("row 0");
        final DenseDataset inf = DenseDataset.of(new double[] {1, 2, Double.POSITIVE_INFINITY, 1}, 2,
            List.of("u", "v"), new String[] {"a", "b"});
        assertThatThrownBy(() -> solver.fit(inf)).hasMessageContaining("infinite").hasMessageContaining("row 1");
        assertThatThrownBy(() -> solver.fit(DenseDataset.of(new double[0], 0, List.of("u"), new String[0])))
            .hasMessageContaining("no rows");
        assertThatThrownBy(() -> solver.fit(DenseDataset.of(new double[] {1, 2}, 2, List.of("u"),
            new String[] {"a", "a"}))).hasMessageContaining("only one class: 'a'");
        assertThatThrownBy(() -> DenseDataset.of(new double[] {1, 2}, 2, List.of("u"), new String[] {"a"}))
            .hasMessageContaining("1 labels for 2 rows");
        assertThatThrownBy(() -> solver.fit(DenseDataset.of(new double[] {1, 2}, 2, List.of("u"), null)))
            .hasMessageContaining("no labels");
        assertThatThrownBy(() -> solver.fit(blobs(), new double[3], null, FitProgress.NONE))
            .hasMessageContaining("sample_weight has 3 entries for 12 rows");
        final double[] negative = new double[12];
        negative[5] = -1;
        assertThatThrownBy(() -> solver.fit(blobs(), negative, null, FitProgress.NONE))
            .hasMessageContaining("row 5");
    }

    @Test
    void rejectsAWarmStartOfAnotherShape() {
        final LogisticModel twoClasses = new SagaSolver(L2).fit(blobs().select(new int[] {0, 1, 4, 5}));
        assertThatThrownBy(() -> new SagaSolver(L2).fit(blobs(), null, twoClasses, FitProgress.NONE))
            .hasMessageContaining("warm start needs the same classes");
    }

    @Test
    void overflowIsReportedLikeScikitLearnWithAHint() {
        // the step size adapts to large x, but not to sample weights: the intercept sums overflow
        final double[] huge = new double[12];
        java.util.Arrays.fill(huge, Double.MAX_VALUE);
        assertThatThrownBy(() -> new SagaSolver(L2).fit(blobs(), huge, null, FitProgress.NONE))
            .isInstanceOf(ArithmeticException.class).hasMessageContaining("Floating-point under-/overflow")
            .hasMessageContaining("Standard Scaler");
    }
}
