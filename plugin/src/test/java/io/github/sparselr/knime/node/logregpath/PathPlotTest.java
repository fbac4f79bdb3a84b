package io.github.sparselr.knime.node.logregpath;

import static org.assertj.core.api.Assertions.assertThat;

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
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

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
    void drawsAccuracyWithItsBandSparsityAndEveryWeightThatLeavesZero() {
        final JFreeChart chart = PathPlot.chart(path(4, true, 2), TRAINING);
        final List<XYPlot> panels = panels(chart);
        assertThat(panels).hasSize(2);
        final XYPlot tradeOff = panels.get(0);
        assertThat(tradeOff.getDataset(0)).isInstanceOf(YIntervalSeriesCollection.class);
        final YIntervalSeriesCollection accuracy = (YIntervalSeriesCollection) tradeOff.getDataset(0);
        assertThat(accuracy.getSeriesCount()).isEqualTo(1);
        assertThat(accuracy.getItemCount(0)).isEqualTo(4);
        assertThat(accuracy.getXValue(0, 3)).isEqualTo(0.0);          // log10(1)
        assertThat(accuracy.getYValue(0, 2)).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(accuracy.getStartYValue(0, 2)).isEqualTo(0.68, org.assertj.core.data.Offset.offset(1e-12));
        final XYDataset sparsity = tradeOff.getDataset(1);
        assertThat(sparsity.getSeriesCount()).isEqualTo(1);
        assertThat(sparsity.getItemCount(0)).isEqualTo(4);
        assertThat(sparsity.getYValue(0, 0)).isEqualTo(75.0);        // 1 of 4 features active per class
        assertThat(sparsity.getYValue(0, 3)).isEqualTo(0.0);
        // 3 classes × 4 features, every one non-zero at C = 1
        final XYDataset weights = panels.get(1).getDataset(0);
        assertThat(weights.getSeriesCount()).isEqualTo(12);
        for (int s = 0; s < 12; s++) {
            assertThat(weights.getItemCount(s)).isEqualTo(4);
        }
        assertThat(weights.getSeriesKey(0).toString()).isIn("a: pixel3", "b: pixel3", "c: pixel3");
    }

    @Test
    void marksTheChosenCInBothPanels() {
        final List<XYPlot> panels = panels(PathPlot.chart(path(4, true, 1), TRAINING));
        for (final XYPlot panel : panels) {
            final List<?> markers = new ArrayList<>(panel.getDomainMarkers(0, Layer.FOREGROUND));
            assertThat(markers).hasSize(1);
            assertThat(((ValueMarker) markers.get(0)).getValue()).isEqualTo(Math.log10(0.01));
        }
        assertThat(((Marker) panels.get(0).getDomainMarkers(0, Layer.FOREGROUND).iterator().next()).getLabel())
            .isEqualTo("chosen C = 0.01000");
    }

    @Test
    void theChosenCsLabelSitsOnTheSideOfItsLineWithMoreRoom() {
        final Marker left = (Marker) panels(PathPlot.chart(path(4, true, 0), TRAINING)).get(0)
            .getDomainMarkers(0, Layer.FOREGROUND).iterator().next();
        final Marker right = (Marker) panels(PathPlot.chart(path(4, true, 3), TRAINING)).get(0)
            .getDomainMarkers(0, Layer.FOREGROUND).iterator().next();
        assertThat(left.getLabelAnchor()).isEqualTo(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        assertThat(right.getLabelAnchor()).isEqualTo(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
    }

    @Test
    void withoutCrossValidationDrawsTheTrainingAccuracy() {
        final XYPlot tradeOff = panels(PathPlot.chart(path(4, false, 3), TRAINING)).get(0);
        assertThat(tradeOff.getDataset(0)).isNotInstanceOf(YIntervalSeriesCollection.class);
        assertThat(tradeOff.getDataset(0).getSeriesKey(0)).isEqualTo("training accuracy");
        assertThat(tradeOff.getDataset(0).getYValue(0, 3)).isEqualTo(0.9);
        assertThat(tradeOff.getRangeAxis(0).getLabel()).isEqualTo("accuracy (training rows)");
    }

    @Test
    void drawsAtMostThirtyWeightPathsTheLargestOnes() {
        // 784 features: 2352 weights, all non-zero at C = 1
        final XYDataset weights = panels(PathPlot.chart(path(784, true, 2), TRAINING)).get(1).getDataset(0);
        assertThat(weights.getSeriesCount()).isEqualTo(PathPlot.MAX_WEIGHT_PATHS);
        for (int s = 0; s < weights.getSeriesCount(); s++) {
            // the largest |w| = (j + 1) · C belong to the last features
            assertThat(weights.getSeriesKey(s).toString()).matches("[abc]: pixel7[7-8][0-9]");
        }
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
        assertThat(panels(PathPlot.chart(result, TRAINING)).get(1).getDataset(0).getSeriesCount()).isZero();
        assertThat(ImageIO.read(new ByteArrayInputStream(PathPlot.png(result, TRAINING))).getWidth())
            .isEqualTo(PathPlot.WIDTH);
    }

    @Test
    void rendersAPngOfTheStatedSize() throws Exception {
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(PathPlot.png(path(784, true, 2), TRAINING)));
        assertThat(image.getWidth()).isEqualTo(PathPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PathPlot.HEIGHT);
    }

    @SuppressWarnings("unchecked")
    private static List<XYPlot> panels(final JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
    }
}
