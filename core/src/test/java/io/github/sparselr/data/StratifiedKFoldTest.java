package io.github.sparselr.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.testing.HexFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Folds against scikit-learn 1.2.1's StratifiedKFold (fixtures/make_kfold_fixtures.py). */
class StratifiedKFoldTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/kfold-fixtures.txt");

    static Stream<String> foldCases() {
        return FIXTURES.keySet().stream().filter(name -> name.startsWith("folds_"));
    }

    @ParameterizedTest
    @MethodSource("foldCases")
    void holdsOutTheSameRowsAsScikitLearn121(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final String[] labels = FIXTURES.get("labels_" + c.header(1)).words("labels");
        final int nSplits = Integer.parseInt(c.header(2));
        final StratifiedKFold cv = c.header(3).equals("none") ? StratifiedKFold.inOrder(nSplits)
            : StratifiedKFold.shuffled(nSplits, Long.parseLong(c.header(3)));

        assertThat(cv.testFolds(labels)).containsExactly(c.ints("test_folds"));
        final List<StratifiedKFold.Fold> folds = cv.split(labels);
        assertThat(folds).hasSize(nSplits);
        for (int i = 0; i < nSplits; i++) {
            final StratifiedKFold.Fold fold = folds.get(i);
            assertThat(fold.test()).containsExactly(c.ints("test_" + i));
            assertThat(fold.train()).isSorted().doesNotContain(fold.test());
            assertThat(fold.train().length + fold.test().length).isEqualTo(labels.length);
        }
    }

    @Test
    void theFixtureCoversEveryLabelSetWithAndWithoutShuffling() {
        assertThat(foldCases()).hasSizeGreaterThan(70)
            .anyMatch(name -> name.startsWith("folds_appearance_") && name.endsWith("_none"))
            .anyMatch(name -> name.startsWith("folds_mnist5000_10_0"))
            .anyMatch(name -> name.endsWith("_4294967295"));
        assertThat(FIXTURES.get("labels_mnist5000").words("labels")).hasSize(5000);
    }

    @Test
    void classesAreNumberedByFirstAppearanceSoRenamingThemChangesNoFold() {
        // scikit-learn's note: relabelling ["Happy", "Sad"] to [1, 0] does not change the folds
        final String[] labels = FIXTURES.get("labels_appearance").words("labels");
        final String[] renamed = Arrays.stream(labels).map(label -> "class " + (char) ('z' - label.length()) + label)
            .toArray(String[]::new);
        final StratifiedKFold cv = StratifiedKFold.shuffled(3, 7);
        assertThat(cv.testFolds(renamed)).containsExactly(cv.testFolds(labels));
    }

    @Test
    void rejectsFewerThanTwoFoldsWithScikitLearnsMessage() {
        assertThatThrownBy(() -> StratifiedKFold.shuffled(1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("k-fold cross-validation requires at least one train/test split by setting n_splits=2 or "
                + "more, got n_splits=1.");
        assertThatThrownBy(() -> StratifiedKFold.inOrder(0)).hasMessageContaining("got n_splits=0");
    }

    @Test
    void rejectsASeedNumpyCannotTake() {
        assertThatThrownBy(() -> StratifiedKFold.shuffled(5, -1))
            .hasMessage("random_state must be in [0, 2^32 - 1], was -1.");
        assertThatThrownBy(() -> StratifiedKFold.shuffled(5, 1L << 32)).hasMessageContaining("was 4294967296");
    }

    @Test
    void rejectsMoreFoldsThanRowsWithScikitLearnsMessage() {
        assertThatThrownBy(() -> StratifiedKFold.shuffled(6, 0).split(new String[] {"a", "b", "a", "b", "a"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot have number of splits n_splits=6 greater than the number of samples: n_samples=5.");
    }

    @Test
    void rejectsMoreFoldsThanRowsOfEveryClassWithScikitLearnsMessage() {
        final String[] labels = {"a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c"};
        assertThatThrownBy(() -> StratifiedKFold.shuffled(5, 0).testFolds(labels))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("n_splits=5 cannot be greater than the number of members in each class.");
    }

    @Test
    void refusesAClassWithFewerRowsThanFoldsWhereScikitLearnOnlyWarns() {
        final String[] labels = new String[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 3 ? "rare" : i % 2 == 0 ? "even" : "odd";
        }
        assertThatThrownBy(() -> StratifiedKFold.shuffled(5, 0).split(labels))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("The class 'rare' has only 3 rows, fewer than the 5 folds (n_splits): some folds would hold "
                + "none of it, and a model fitted without it cannot score it. Use at most 3 folds, or remove or merge "
                + "the classes with fewer than 5 rows.");
        assertThat(StratifiedKFold.shuffled(3, 0).split(labels)).hasSize(3);
    }

    @Test
    void refusesAClassOfOneRowAndCountsTheOtherSmallClasses() {
        final String[] labels = {"a", "a", "a", "b", "b", "b", "c", "d", "d", "a", "b"};
        assertThatThrownBy(() -> StratifiedKFold.inOrder(3).testFolds(labels))
            .hasMessage("The class 'c' has only 1 row, fewer than the 3 folds (n_splits) (2 classes have fewer than 3 "
                + "rows): some folds would hold none of it, and a model fitted without it cannot score it. Remove the "
                + "class or merge it into another: cross-validation needs at least 2 rows of each class.");
    }

    @Test
    void rejectsMissingLabelsNamingTheRow() {
        assertThatThrownBy(() -> StratifiedKFold.shuffled(2, 0).testFolds(null))
            .hasMessage("Stratified folds need class labels; the data has none.");
        assertThatThrownBy(() -> StratifiedKFold.shuffled(2, 0).testFolds(new String[] {"a", "b", null, "a", "b"}))
            .hasMessageStartingWith("Row 2 has no class label");
    }

    @Test
    void theSameSeedGivesTheSameFoldsOnEveryCall() {
        final String[] labels = FIXTURES.get("labels_imbalanced").words("labels");
        final StratifiedKFold cv = StratifiedKFold.shuffled(5, 3);
        assertThat(cv.testFolds(labels)).containsExactly(cv.testFolds(labels));
        assertThat(StratifiedKFold.shuffled(5, 4).testFolds(labels)).isNotEqualTo(cv.testFolds(labels));
    }
}
