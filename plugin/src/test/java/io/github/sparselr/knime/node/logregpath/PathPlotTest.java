package io.github.sparselr.knime.node.logregpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.Convergence;
import io.github.sparselr.linear.path.CvScores;
import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PathPlotTest {

    private static final double[] CS = {0.001, 0.01, 0.1, 1};

    /**
     * A path of three classes and {@code features} features where weight (class k, feature j) is
     * {@code (j + 1) · C} for j < active(C) and 0 beyond: more weights leave zero as C grows.
     */
    private static PathResult path(final int features, final boolean cv, final int selected) {
        final List<PathPoint> points = new ArrayList<>();
        final List<CvScores> scores = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("pixel" + j);
        }
        for (int i = 0; i < CS.length; i++) {
            final double[] coef = new double[3 * features];
            final int active = features * (i + 1) / CS.length;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < active; j++) {
                    coef[k * features + j] = (k == 1 ? -1 : 1) * (j + 1) * CS[i];
                }
            }
            final LogisticModel model = new LogisticModel(List.of("a", "b", "c"), names, coef, new double[3], 5, true,
                new double[0], SagaParameters.mnistStudy().withC(CS[i]));
            points.add(new PathPoint(CS[i], model, new Convergence(1, 0, 5, true), 1000));
            scores.add(new CvScores(0.5 + 0.1 * i, 0.02, 1 - 0.1 * i, 0.05));
        }
        return new PathResult(points, cv ? scores : List.of(), selected);
    }

    private static final double[] TRAINING = {0.6, 0.7, 0.8, 0.9};

    @Test
    void drawsAccuracyWithItsStandardDeviationSparsityAndEveryWeightThatLeavesZero() {
        final PathPlot.Panels panels = PathPlot.panels(path(4, true, 2), TRAINING);
        final XYSeries accuracy = series(panels.tradeOff(), "CV accuracy, mean ± sd");
        assertThat(accuracy.getXData()).containsExactly(-3, -2, -1, 0); // log10(C)
        assertThat(accuracy.getYData()).containsExactly(new double[] {0.5, 0.6, 0.7, 0.8}, offset(1e-12));
        assertThat(accuracy.getExtraValues()).containsExactly(0.02, 0.02, 0.02, 0.02); // the error bars: sd
        assertThat(accuracy.getYAxisGroup()).isZero();
        assertThat(panels.tradeOff().getYAxisGroupTitle(0)).isEqualTo("accuracy (CV mean ± sd)");
        final XYSeries sparsity = series(panels.tradeOff(), PathPlot.SPARSITY_SERIES);
        assertThat(sparsity.getYAxisGroup()).isEqualTo(1); // its own axis, on the right
        assertThat(sparsity.getXData()).containsExactly(-3, -2, -1, 0);
        assertThat(sparsity.getYData()).containsExactly(75, 50, 25, 0); // 1 of 4 features active per class, …
        // 3 classes × 4 features, every one non-zero at C = 1, and the chosen C's line
        final Map<String, XYSeries> weights = panels.weights().getSeriesMap();
        assertThat(weights).hasSize(12 + 1).containsKey(PathPlot.CHOSEN_SERIES);
        assertThat(weights.values()).allSatisfy(s -> assertThat(s.getXData()).hasSize(s.getName()
            .equals(PathPlot.CHOSEN_SERIES) ? 2 : 4));
        assertThat(weights.keySet().iterator().next()).isIn("a: pixel3", "b: pixel3", "c: pixel3");
        assertThat(series(panels.weights(), "b: pixel0").getYData()).containsExactly(-0.001, -0.01, -0.1, -1);
        assertThat(series(panels.weights(), "b: pixel3").getYData()).containsExactly(0, 0, 0, -4);
        // only the curves and the chosen C are in the legend, not the weights
        assertThat(panels.tradeOff().getSeriesMap().values()).allMatch(XYSeries::isShowInLegend);
        assertThat(panels.weights().getStyler().isLegendVisible()).isFalse();
    }

    @Test
    void marksTheChosenCInBothPanelsAndNamesItInTheLegend() {
        final PathPlot.Panels panels = PathPlot.panels(path(4, true, 1), TRAINING);
        final XYSeries above = series(panels.tradeOff(), "chosen C = 0.01000");
        final XYSeries below = series(panels.weights(), PathPlot.CHOSEN_SERIES);
        for (final XYSeries line : List.of(above, below)) {
            assertThat(line.getXData()).containsExactly(-2, -2); // a vertical line at log10(0.01)
        }
        // from the lowest to the highest accuracy ± sd, and from the smallest to the largest weight drawn
        assertThat(above.getYData()).containsExactly(new double[] {0.48, 0.82}, offset(1e-12));
        assertThat(below.getYData()).containsExactly(-4, 4);
        assertThat(above.isShowInLegend()).isTrue();
        assertThat(below.isShowInLegend()).isFalse();
    }

    @Test
    void withoutCrossValidationDrawsTheTrainingAccuracy() {
        final XYChart tradeOff = PathPlot.panels(path(4, false, 3), TRAINING).tradeOff();
        final XYSeries accuracy = series(tradeOff, "training accuracy");
        assertThat(accuracy.getYData()).containsExactly(TRAINING);
        assertThat(accuracy.getExtraValues()).isNull(); // no error bars
        assertThat(tradeOff.getYAxisGroupTitle(0)).isEqualTo("accuracy (training rows)");
        assertThat(tradeOff.getSeriesMap()).containsKey("chosen C = 1.000").doesNotContainKey("CV accuracy, mean ± sd");
    }

    @Test
    void drawsAtMostThirtyWeightPathsTheLargestOnes() {
        // 784 features: 2352 weights, all non-zero at C = 1
        final Map<String, XYSeries> weights = PathPlot.panels(path(784, true, 2), TRAINING).weights().getSeriesMap();
        assertThat(weights).hasSize(PathPlot.MAX_WEIGHT_PATHS + 1);
        for (final String name : weights.keySet()) {
            // the largest |w| = (j + 1) · C belong to the last features
            assertThat(name).matches("[abc]: pixel7[7-8][0-9]|" + PathPlot.CHOSEN_SERIES);
        }
        assertThat(PathPlot.panels(path(784, true, 2), TRAINING).weights().getTitle())
            .startsWith("The paths of the 30 largest of the 2352 weights (3 classes × 784 features)");
    }

    @Test
    void aBinaryPathsCaptionCountsTwoClassesNotItsOneWeightRow() {
        final List<PathPoint> points = new ArrayList<>();
        for (final double c : CS) {
            final LogisticModel model = new LogisticModel(List.of("no", "yes"), List.of("x1", "x2", "x3"),
                new double[] {c, -2 * c, 0}, new double[1], 5, true, new double[0],
                SagaParameters.mnistStudy().withC(c));
            points.add(new PathPoint(c, model, new Convergence(1, 0, 5, true), 1000));
        }
        assertThat(PathPlot.panels(new PathResult(points, List.of(), 3), TRAINING).weights().getTitle())
            .startsWith("The paths of the 2 largest of the 3 weights (2 classes: one weight per feature, 3 features)");
    }

    @Test
    void aPathWhoseWeightsAreAllZeroDrawsAnEmptyWeightPanel() throws Exception {
        final PathResult allZero = path(4, true, 0);
        final List<PathPoint> zeros = new ArrayList<>();
        for (final PathPoint p : allZero.points()) {
            final LogisticModel m = p.model();
            zeros.add(new PathPoint(p.c(), new LogisticModel(m.classes(), m.featureNames(), new double[m.coef().length],
                m.intercept(), 1, true, new double[0], m.parameters()), p.convergence(), p.fitNanos()));
        }
        final PathResult result = new PathResult(zeros, allZero.cvScores(), 0);
        assertThat(PathPlot.panels(result, TRAINING).weights().getSeriesMap()).containsOnlyKeys(PathPlot.CHOSEN_SERIES);
        assertThat(ImageIO.read(new ByteArrayInputStream(PathPlot.png(result, TRAINING))).getWidth())
            .isEqualTo(PathPlot.WIDTH);
    }

    @Test
    void rendersAPngOfTheStatedSize() throws Exception {
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(PathPlot.png(path(784, true, 2), TRAINING)));
        assertThat(image.getWidth()).isEqualTo(PathPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PathPlot.HEIGHT);
    }

    private static XYSeries series(final XYChart chart, final String name) {
        assertThat(chart.getSeriesMap()).containsKey(name);
        return chart.getSeriesMap().get(name);
    }
}
