package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice of C from hand-made cross-validated scores (numbers exact in binary). */
class CvSelectionTest {

    private static CvScores accuracy(final double mean, final double sd) {
        return new CvScores(mean, sd, 0.5, 0.0);
    }

    @Test
    void bestTakesTheHighestMeanAccuracy() {
        final List<CvScores> scores = List.of(accuracy(0.5, 0.1), accuracy(0.875, 0.1), accuracy(0.75, 0.1));
        assertThat(CrossValidatedPath.select(scores, 5, SelectionRule.BEST)).isEqualTo(1);
    }

    @Test
    void bestTakesTheSmallestCAmongEqualMeans() {
        final List<CvScores> scores = List.of(accuracy(0.5, 0), accuracy(0.875, 0.25), accuracy(0.875, 0),
            accuracy(0.875, 0.125));
        assertThat(CrossValidatedPath.select(scores, 5, SelectionRule.BEST)).isEqualTo(1);
    }

    @Test
    void oneStandardErrorTakesTheSmallestCWithinSdOverRootOfFoldsMinusOneOfTheBest() {
        // best 0.9375 at index 3 with sd 0.125 over 5 folds: standard error 0.125 / 2 = 0.0625, threshold 0.875
        final List<CvScores> scores = List.of(accuracy(0.5, 0), accuracy(0.8125, 0), accuracy(0.875, 0.5),
            accuracy(0.9375, 0.125), accuracy(0.90625, 0));
        assertThat(CrossValidatedPath.select(scores, 5, SelectionRule.ONE_STANDARD_ERROR)).isEqualTo(2);
        // the same scores from 17 folds: standard error 0.125 / 4 = 0.03125, threshold 0.90625: only the best
        // (and a larger C) is within
        assertThat(CrossValidatedPath.select(scores, 17, SelectionRule.ONE_STANDARD_ERROR)).isEqualTo(3);
        assertThat(CrossValidatedPath.select(scores, 5, SelectionRule.BEST)).isEqualTo(3);
    }

    @Test
    void oneStandardErrorCountsAMeanExactlyAtTheThresholdAsWithin() {
        // best 0.75, sd 0.5 over 5 folds: standard error 0.25, threshold exactly 0.5
        final List<CvScores> scores = List.of(accuracy(0.4375, 0), accuracy(0.5, 0), accuracy(0.75, 0.5));
        assertThat(CrossValidatedPath.select(scores, 5, SelectionRule.ONE_STANDARD_ERROR)).isEqualTo(1);
    }

    @Test
    void oneStandardErrorNeverTakesALargerCThanTheBest() {
        final List<CvScores> scores = List.of(accuracy(0.5, 0), accuracy(0.875, 0.25), accuracy(0.875, 0),
            accuracy(0.8125, 0));
        assertThat(CrossValidatedPath.select(scores, 3, SelectionRule.ONE_STANDARD_ERROR)).isEqualTo(1);
        final List<CvScores> flat = List.of(accuracy(0.5, 0), accuracy(0.875, 0), accuracy(0.875, 0));
        assertThat(CrossValidatedPath.select(flat, 3, SelectionRule.ONE_STANDARD_ERROR)).isEqualTo(1);
    }

    @Test
    void rejectsNoScoresFewerThanTwoFoldsAndScoresThatAreNotNumbers() {
        assertThatThrownBy(() -> CrossValidatedPath.select(List.of(), 5, SelectionRule.BEST))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("There are no cross-validated scores to choose a C from.");
        assertThatThrownBy(() -> CrossValidatedPath.select(List.of(accuracy(0.5, 0)), 1, SelectionRule.BEST))
            .hasMessage("Scores come from at least 2 folds; got folds=1.");
        assertThatThrownBy(() -> CrossValidatedPath.select(List.of(accuracy(0.5, 0), accuracy(Double.NaN, 0)), 5,
            SelectionRule.ONE_STANDARD_ERROR))
            .hasMessage("The cross-validated accuracy of point 1 is not a finite number (mean NaN, sd 0.0).");
    }
}
