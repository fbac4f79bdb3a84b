package io.github.sparselr.linear.path;

import io.github.sparselr.linear.LogisticModel;
import java.util.List;

/**
 * A regularization path fitted on all rows, the cross-validated scores of each C (if folds were
 * asked for), and the chosen point.
 *
 * @param points one fit per C on all rows, in increasing order of C
 * @param cvScores one entry per point, in the same order; empty without cross-validation
 * @param selectedIndex the index into {@code points} of the chosen C
 */
public record PathResult(List<PathPoint> points, List<CvScores> cvScores, int selectedIndex) {

    public PathResult {
        points = List.copyOf(points);
        cvScores = List.copyOf(cvScores);
        if (points.isEmpty() || selectedIndex < 0 || selectedIndex >= points.size()
            || !(cvScores.isEmpty() || cvScores.size() == points.size())) {
            throw new IllegalArgumentException("A path result needs points, one CV score per point or none, and a "
                + "selected index among the points; got " + points.size() + " points, " + cvScores.size()
                + " scores, index " + selectedIndex + ".");
        }
    }

    /** The model fitted on all rows at the chosen C. */
    public LogisticModel selectedModel() {
        return points.get(selectedIndex).model();
    }
}
