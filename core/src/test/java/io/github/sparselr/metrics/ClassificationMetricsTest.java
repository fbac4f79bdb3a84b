package io.github.sparselr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.sparselr.testing.HexFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/metrics-fixtures.txt");

    @ParameterizedTest
    @ValueSource(strings = {"four_classes", "two_classes"})
    void agreesWithScikitLearn121(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final ClassificationMetrics m = ClassificationMetrics.of(c.words("actual"), c.words("predicted"));

        assertThat(m.labels()).containsExactly(c.words("labels"));
        final int[] confusion = c.ints("confusion");
        final int k = m.labels().size();
        for (int i = 0; i < confusion.length; i++) {
            assertThat(m.count(i / k, i % k)).isEqualTo(confusion[i]);
        }
        assertThat(m.accuracy()).isEqualTo(c.doubles("accuracy")[0]);
        for (int label = 0; label < k; label++) {
            assertThat(m.precision(label)).isEqualTo(c.doubles("precision")[label]);
            assertThat(m.recall(label)).isEqualTo(c.doubles("recall")[label]);
            assertThat(m.f1(label)).isCloseTo(c.doubles("f1")[label], within(1e-15));
            assertThat(m.support(label)).isEqualTo(c.ints("support")[label]);
        }
        assertThat(m.cohensKappa()).isCloseTo(c.doubles("kappa")[0], within(1e-14));
        assertThat(ClassificationMetrics.logLoss(c.words("actual"), c.doubles("proba"), List.of(c.words("classes"))))
            .isCloseTo(c.doubles("log_loss")[0], within(1e-13));
    }

    @Test
    void aGivenLabelNoRowHoldsGetsZerosAndChangesNoOverallScore() {
        final String[] actual = {"a", "a", "b", "c"};
        final String[] predicted = {"a", "b", "b", "b"};
        final ClassificationMetrics seen = ClassificationMetrics.of(actual, predicted);
        final ClassificationMetrics m = ClassificationMetrics.of(actual, predicted, List.of("a", "b", "c", "d"));

        assertThat(m.labels()).containsExactly("a", "b", "c", "d");
        for (int i = 0; i < 4; i++) {
            assertThat(m.count(3, i)).isZero();
            assertThat(m.count(i, 3)).isZero();
        }
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertThat(m.count(a, p)).isEqualTo(seen.count(a, p));
            }
        }
        // scikit-learn 1.2.1 with labels=[a, b, c, d]: precision, recall and F1 of d are 0 (zero_division=0)
        assertThat(m.precision(3)).isZero();
        assertThat(m.recall(3)).isZero();
        assertThat(m.f1(3)).isZero();
        assertThat(m.trueNegatives(3)).isEqualTo(4);
        assertThat(m.accuracy()).isEqualTo(seen.accuracy());
        assertThat(m.cohensKappa()).isEqualTo(seen.cohensKappa());
    }

    @Test
    void aRowWhoseLabelIsNotGivenIsAnErrorNamingTheRow() {
        assertThatThrownBy(() -> ClassificationMetrics.of(new String[] {"a", "b", "z"}, new String[] {"a", "b", "a"},
            List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Row 2 has the actual label 'z', which is not among the labels [a, b].");
        assertThatThrownBy(() -> ClassificationMetrics.of(new String[] {"a"}, new String[] {"y"}, List.of("a", "b")))
            .hasMessageContaining("predicted label 'y'");
    }

    @Test
    void countsTheFourCellsOfEachClass() {
        final ClassificationMetrics m = ClassificationMetrics.of(new String[] {"a", "a", "b", "c"},
            new String[] {"a", "b", "b", "b"});
        assertThat(m.truePositives(1)).isEqualTo(1);
        assertThat(m.falsePositives(1)).isEqualTo(2);
        assertThat(m.falseNegatives(0)).isEqualTo(1);
        assertThat(m.trueNegatives(2)).isEqualTo(3);
        assertThat(m.specificity(1)).isEqualTo(1.0 / 3);
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThatThrownBy(() -> ClassificationMetrics.of(new String[] {"a"}, new String[0]))
            .hasMessageContaining("1 actual and 0 predicted");
        assertThatThrownBy(() -> ClassificationMetrics.of(new String[0], new String[0])).hasMessageContaining("no rows");
        assertThatThrownBy(() -> ClassificationMetrics.logLoss(new String[] {"z"}, new double[] {0.5, 0.5},
            List.of("a", "b"))).hasMessageContaining("'z'");
    }
}
