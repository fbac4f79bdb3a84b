package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.path.CvScores;
import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The trade-off of a regularization path in one picture (drawn with JFreeChart): above, accuracy
 * (cross-validated mean ± one standard deviation, or on the training rows without cross-validation)
 * and the share of zero weights against log10 C; below, the paths of the largest weights; the chosen C
 * is marked in both panels, which share the C axis.
 */
final class PathPlot {

    /** The most weight paths drawn; more would be unreadable (MNIST has 7840 weights). */
    static final int MAX_WEIGHT_PATHS = 30;

    static final int WIDTH = 900;

    static final int HEIGHT = 700;

    private static final Color ACCURACY = new Color(0x21, 0x66, 0xac);

    private static final Color SPARSITY = new Color(0xb2, 0x18, 0x2b);

    private PathPlot() {
    }

    /**
     * The chart of a path.
     *
     * @param trainingAccuracy the accuracy of each point's model on the training rows, used when the
     *            result holds no cross-validated scores
     */
    static JFreeChart chart(final PathResult result, final double[] trainingAccuracy) {
        final List<PathPoint> points = result.points();
        final boolean cv = !result.cvScores().isEmpty();
        final NumberAxis logC = new NumberAxis("log10(C)");
        logC.setAutoRangeIncludesZero(false);
        final CombinedDomainXYPlot combined = new CombinedDomainXYPlot(logC);
        combined.setGap(12);

        final XYPlot tradeOff = new XYPlot();
        final NumberAxis accuracyAxis = new NumberAxis(cv ? "accuracy (CV mean ± sd)" : "accuracy (training rows)");
        accuracyAxis.setAutoRangeIncludesZero(false);
        tradeOff.setRangeAxis(0, accuracyAxis);
        if (cv) {
            final YIntervalSeries accuracy = new YIntervalSeries("CV accuracy, mean ± sd");
            for (int i = 0; i < points.size(); i++) {
                final CvScores s = result.cvScores().get(i);
                accuracy.add(Math.log10(points.get(i).c()), s.accuracyMean(), s.accuracyMean() - s.accuracySd(),
                    s.accuracyMean() + s.accuracySd());
            }
            final DeviationRenderer band = new DeviationRenderer(true, true);
            band.setSeriesPaint(0, ACCURACY);
            band.setSeriesFillPaint(0, ACCURACY);
            band.setAlpha(0.25f);
            tradeOff.setDataset(0, new YIntervalSeriesCollection());
            ((YIntervalSeriesCollection) tradeOff.getDataset(0)).addSeries(accuracy);
            tradeOff.setRenderer(0, band);
        } else {
            final XYSeries accuracy = new XYSeries("training accuracy");
            for (int i = 0; i < points.size(); i++) {
                accuracy.add(Math.log10(points.get(i).c()), trainingAccuracy[i]);
            }
            tradeOff.setDataset(0, new XYSeriesCollection(accuracy));
            tradeOff.setRenderer(0, lines(ACCURACY));
        }
        final XYSeries sparsity = new XYSeries("zero weights %");
        for (final PathPoint p : points) {
            sparsity.add(Math.log10(p.c()), 100 * p.model().sparsity());
        }
        final NumberAxis sparsityAxis = new NumberAxis("zero weights %");
        sparsityAxis.setAutoRangeIncludesZero(false);
        tradeOff.setRangeAxis(1, sparsityAxis);
        tradeOff.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        tradeOff.setDataset(1, new XYSeriesCollection(sparsity));
        tradeOff.mapDatasetToRangeAxis(1, 1);
        tradeOff.setRenderer(1, lines(SPARSITY));
        combined.add(tradeOff, 1);

        final XYPlot weights = new XYPlot(weightPaths(points), null, new NumberAxis("weight"), lines(null));
        weights.getRenderer().setDefaultSeriesVisibleInLegend(false);
        combined.add(weights, 1);

        final double chosen = Math.log10(points.get(result.selectedIndex()).c());
        // the label on the side of the line with more room, so that it is not cut at the plot's edge
        final boolean labelLeft = result.selectedIndex() > (points.size() - 1) / 2;
        tradeOff.addDomainMarker(0, marker(chosen, String.format(Locale.ROOT, "chosen C = %.4g",
            points.get(result.selectedIndex()).c()), labelLeft), Layer.FOREGROUND);
        weights.addDomainMarker(0, marker(chosen, null, labelLeft), Layer.FOREGROUND);

        final JFreeChart chart = new JFreeChart("Regularization path: accuracy and sparsity against C",
            JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.addSubtitle(new TextTitle(weightsCaption(points), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The chart as a PNG of {@link #WIDTH} × {@link #HEIGHT} pixels. */
    static byte[] png(final PathResult result, final double[] trainingAccuracy) {
        final JFreeChart chart = chart(result, trainingAccuracy);
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to write
        }
        return out.toByteArray();
    }

    /**
     * One series per weight (class row, feature) that is non-zero somewhere on the path, the
     * {@link #MAX_WEIGHT_PATHS} with the largest |weight| along the path, named "class: feature".
     */
    static XYSeriesCollection weightPaths(final List<PathPoint> points) {
        final LogisticModel first = points.get(0).model();
        final int rows = first.coefRows();
        final int features = first.featureNames().size();
        final List<double[]> largest = new ArrayList<>(); // {row, feature, max |w|}
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                double max = 0;
                for (final PathPoint p : points) {
                    max = Math.max(max, Math.abs(p.model().coef()[r * features + j]));
                }
                if (max > 0) {
                    largest.add(new double[] {r, j, max});
                }
            }
        }
        largest.sort(Comparator.comparingDouble((double[] w) -> -w[2]));
        final XYSeriesCollection paths = new XYSeriesCollection();
        for (final double[] w : largest.subList(0, Math.min(MAX_WEIGHT_PATHS, largest.size()))) {
            final int r = (int) w[0];
            final int j = (int) w[1];
            final String label = rows == 1 ? first.classes().get(1) : first.classes().get(r);
            final XYSeries path = new XYSeries(label + ": " + first.featureNames().get(j));
            for (final PathPoint p : points) {
                path.add(Math.log10(p.c()), p.model().coef()[r * features + j]);
            }
            paths.addSeries(path);
        }
        return paths;
    }

    private static String weightsCaption(final List<PathPoint> points) {
        final int drawn = weightPaths(points).getSeriesCount();
        final LogisticModel last = points.get(points.size() - 1).model();
        return String.format(Locale.ROOT, "below: the path of the %d largest of the %d weights (%d classes × %d "
            + "features); the dashed line marks the chosen C", drawn, last.coef().length, last.coefRows(),
            last.featureNames().size());
    }

    private static XYLineAndShapeRenderer lines(final Color color) {
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, color != null);
        if (color != null) {
            renderer.setSeriesPaint(0, color);
            renderer.setSeriesStroke(0, new BasicStroke(2f));
        }
        return renderer;
    }

    private static ValueMarker marker(final double logC, final String label, final boolean labelLeft) {
        final ValueMarker marker = new ValueMarker(logC, Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            marker.setLabelAnchor(labelLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(labelLeft ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        }
        return marker;
    }
}
