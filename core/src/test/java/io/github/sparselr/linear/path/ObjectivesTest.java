package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.testing.HexFixtures;
import io.github.sparselr.testing.MnistSubset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The objective and the optimality violation against values computed independently by numpy and
 * scikit-learn 1.2.1's {@code log_loss} (make_objective_fixtures.py) for scikit-learn's own fits.
 */
class ObjectivesTest {

    private static final Map<String, HexFixtures.Case> FIXTURES =
        HexFixtures.read("/fixtures/path/objective-fixtures.txt");

    private static DenseDataset data;

    @BeforeAll
    static void load() {
        data = everyFourthPixel(MnistSubset.standardized());
    }

    /** The committed MNIST subset, standardized over all its rows, with the fixture's columns. */
    static DenseDataset everyFourthPixel(final DenseDataset standardized) {
        final Set<String> kept = new HashSet<>();
        for (final int j : FIXTURES.get("").ints("cols")) {
            kept.add(standardized.columnNames().get(j));
        }
        final List<String> dropped = new ArrayList<>(standardized.columnNames());
        dropped.removeAll(kept);
        return standardized.withoutColumns(dropped);
    }

    /** A fixture case's model: header name, penalty, C, l1_ratio, fit_intercept, n_iter. */
    private static LogisticModel modelOf(final HexFixtures.Case c, final DenseDataset on) {
        final SagaParameters parameters = new SagaParameters(Penalty.parse(c.header(1)),
            Double.parseDouble(c.header(2)), Double.parseDouble(c.header(3)), 0.1, 100, c.header(4).equals("1"), 0);
        return new LogisticModel(List.of(c.words("classes")), on.columnNames(), c.doubles("coef"),
            c.doubles("intercept"), Integer.parseInt(c.header(5)), true, new double[0], parameters);
    }

    private static DenseDataset rowsOf(final HexFixtures.Case c) {
        return c.has("rows") ? data.select(c.ints("rows")) : data;
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "elasticnet", "l2", "none", "no_intercept", "binary_l1", "binary_elasticnet",
        "binary_l1_tight", "binary_l1_early"})
    void matchesNumpysObjectiveAndViolationForScikitLearnsFits(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final DenseDataset on = rowsOf(c);
        final Convergence convergence = Objectives.convergence(modelOf(c, on), on);

        final double objective = c.doubles("objective")[0];
        assertThat(convergence.objective()).as("objective").isCloseTo(objective, within(1e-12 * objective));
        final double violation = c.doubles("violation")[0];
        assertThat(convergence.optimalityViolation()).as("violation")
            .isCloseTo(violation, within(1e-12 + 1e-9 * violation));
        assertThat(convergence.nIter()).isEqualTo(Integer.parseInt(c.header(5)));
        if (c.header(1).equals("none")) {
            // without a penalty the objective is scikit-learn's log_loss itself
            final double logLoss = c.doubles("log_loss")[0];
            assertThat(convergence.objective()).isCloseTo(logLoss, within(1e-12 * logLoss));
        }
    }

    @Test
    void theViolationIsNearZeroWhenSolvedTightlyAndClearlyNotWhenStoppedEarly() {
        final HexFixtures.Case tight = FIXTURES.get("binary_l1_tight");
        final HexFixtures.Case early = FIXTURES.get("binary_l1_early");
        final DenseDataset on = rowsOf(tight);
        final Convergence solved = Objectives.convergence(modelOf(tight, on), on);
        final Convergence stopped = Objectives.convergence(modelOf(early, on), on);
        assertThat(solved.optimalityViolation()).isLessThan(1e-8);
        assertThat(stopped.optimalityViolation()).isGreaterThan(1e-2);
        assertThat(stopped.objective()).isGreaterThan(solved.objective());
    }

    @Test
    void sparselrsOwnSagaFitSolvedTightlyHasNoViolationLeft() {
        final DenseDataset blobs = gaussianBlobs(90, 6, 3, 11);
        final SagaParameters tight = new SagaParameters(Penalty.ELASTICNET, 0.5, 0.6, 1e-12, 100_000, true, 0);
        final LogisticModel solved = new SagaSolver(tight).fit(blobs);
        final LogisticModel early = new SagaSolver(tight.withMaxIter(1)).fit(blobs);
        final Convergence atOptimum = Objectives.convergence(solved, blobs);
        assertThat(atOptimum.optimalityViolation()).isLessThan(1e-9);
        assertThat(atOptimum.converged()).isTrue();
        assertThat(Objectives.convergence(early, blobs).optimalityViolation()).isGreaterThan(1e-3);
        assertThat(Objectives.convergence(early, blobs).objective()).isGreaterThan(atOptimum.objective());
    }

    @Test
    void rawArraysGiveTheSameNumbersAsTheModel() {
        final HexFixtures.Case c = FIXTURES.get("elasticnet");
        final LogisticModel model = modelOf(c, data);
        final int[] y = Objectives.classIndices(data, model.classes());
        final double[] both = Objectives.objectiveAndViolation(data.values(), data.rows(), data.cols(), y, 10,
            model.coef(), model.intercept(), Penalty.ELASTICNET, 0.05, 0.3, true);
        final Convergence convergence = Objectives.convergence(model, data);
        assertThat(both).containsExactly(convergence.objective(), convergence.optimalityViolation());
        assertThat(Objectives.objective(data.values(), data.rows(), data.cols(), y, 10, model.coef(),
            model.intercept(), Penalty.ELASTICNET, 0.05, 0.3)).isEqualTo(convergence.objective());
    }

    @Test
    void rejectsDataWithOtherColumnsThanTheModel() {
        final HexFixtures.Case c = FIXTURES.get("l1");
        final LogisticModel model = modelOf(c, data);
        final DenseDataset fewer = data.withoutColumns(List.of("pixel1"));
        assertThatThrownBy(() -> Objectives.convergence(model, fewer)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("The model has 196 features but the data has 195 columns; give the data the model was "
                + "fitted on.");
        final List<String> renamed = new ArrayList<>(data.columnNames());
        renamed.set(3, "other");
        final DenseDataset otherNames = DenseDataset.of(data.values(), data.rows(), renamed, data.labels());
        assertThatThrownBy(() -> Objectives.convergence(model, otherNames))
            .hasMessage("Column 3 of the data is 'other' but the model's feature 3 is 'pixel13'; give the data the "
                + "model was fitted on, with its columns in the same order.");
    }

    @Test
    void rejectsUnlabelledDataAndClassesTheModelDoesNotKnow() {
        final LogisticModel model = modelOf(FIXTURES.get("binary_l1"), data);
        assertThatThrownBy(() -> Objectives.convergence(model, data))
            .hasMessage("Row 0 has the class '5', which is not among the model's classes [3, 8]; give data of the "
                + "classes the model was fitted on.");
        final DenseDataset unlabelled = DenseDataset.of(data.values(), data.rows(), data.columnNames(), null);
        assertThatThrownBy(() -> Objectives.convergence(model, unlabelled))
            .hasMessage("The data has no labels; the objective needs one class label per row.");
    }

    @Test
    void rejectsANonFiniteValueNamingItsColumnAndRow() {
        final DenseDataset blobs = gaussianBlobs(9, 2, 3, 1);
        final LogisticModel model = new SagaSolver(new SagaParameters(Penalty.L1, 1, 0, 0.1, 5, true, 0)).fit(blobs);
        final double[] values = blobs.values().clone();
        values[2 * 2 + 1] = Double.NaN;
        assertThatThrownBy(() -> Objectives.convergence(model, blobs.withValues(values)))
            .hasMessage("Column 'x1' holds a missing value (NaN) in row 2; remove or impute such values first.");
    }

    @Test
    void rawArraysOfTheWrongShapeOrAClassOutOfRangeAreRefusedNamingTheMismatch() {
        final double[] x = {1, 2, 3, 4, 5, 6};
        final int[] y = {0, 1, 2};
        assertThatThrownBy(() -> Objectives.objectiveAndViolation(x, 3, 2, y, 3, new double[4], new double[3],
            Penalty.L1, 1, 0, true)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("A model of 3 classes and 2 features needs 3 x 2 coefficients and 3 intercepts; got 4 and 3.");
        assertThatThrownBy(() -> Objectives.objectiveAndViolation(x, 2, 2, y, 3, new double[6], new double[3],
            Penalty.L1, 1, 0, true))
            .hasMessage("The matrix holds 6 values, which are not 2 rows (at least 1) of 2 columns.");
        assertThatThrownBy(() -> Objectives.objectiveAndViolation(x, 3, 2, new int[] {0, 1, 3}, 3, new double[6],
            new double[3], Penalty.L1, 1, 0, true)).hasMessage("Row 2 has class index 3, outside 0..2.");
        assertThatThrownBy(() -> Objectives.objective(x, 3, 2, y, 3, new double[6], new double[3], Penalty.L1, 0, 0))
            .hasMessage("C must be a finite positive number, was 0.0.");
        assertThatThrownBy(() -> Objectives.objective(x, 3, 2, y, 3, new double[6], new double[3], Penalty.ELASTICNET,
            1, 1.5)).hasMessage("l1_ratio must be in [0, 1], was 1.5.");
    }

    /** {@code classes} Gaussian clouds of {@code rows} rows in {@code cols} dimensions, labels "c0", "c1", …. */
    static DenseDataset gaussianBlobs(final int rows, final int cols, final int classes, final long seed) {
        final Random random = new Random(seed);
        final double[] x = new double[rows * cols];
        final String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            final int label = i % classes;
            y[i] = "c" + label;
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = random.nextGaussian() + (j % classes == label ? 1.5 : 0);
            }
        }
        final List<String> names = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            names.add("x" + j);
        }
        return DenseDataset.of(x, rows, names, y);
    }
}
