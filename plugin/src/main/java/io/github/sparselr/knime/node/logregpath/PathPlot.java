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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The trade-off of a regularization path in one picture (drawn with XChart): above, accuracy
 * (cross-validated mean ± one standard deviation, or on the training rows without cross-validation)
 * and the share of zero weights against log10 C; below, the paths of the largest weights; the chosen C
 * is a dashed vertical line in both panels, which share the C axis.
 */
final class PathPlot {

    /** The most weight paths drawn; more would be unreadable (MNIST has 7840 weights). */
    static final int MAX_WEIGHT_PATHS = 30;

    static final int WIDTH = 900;

    static final int HEIGHT = 700;

    /** The upper panel's share of {@link #HEIGHT}; the rest is the weight paths'. */
    static final int TRADE_OFF_HEIGHT = 400;

    static final String SPARSITY_SERIES = "zero weights %";

    /** The name of the vertical line at the chosen C in the weight panel (its label is in the upper legend). */
    static final String CHOSEN_SERIES = "chosen C";

    private static final Color ACCURACY = new Color(0x21, 0x66, 0xac);

    private static final Color SPARSITY = new Color(0xb2, 0x18, 0x2b);

    private static final Color CHOSEN = Color.DARK_GRAY;

    private static final BasicStroke DASHED =
        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private PathPlot() {
    }

    /** The two panels of the picture, sharing the log10 C axis. */
    record Panels(XYChart tradeOff, XYChart weights) {
    }

    /**
     * The panels of a path.
     *
     * @param trainingAccuracy the accuracy of each point's model on the training rows, used when the
     *            result holds no cross-validated scores
     */
    static Panels panels(final PathResult result, final double[] trainingAccuracy) {
        final List<PathPoint> points = result.points();
        final boolean cv = !result.cvScores().isEmpty();
        final double[] logC = new double[points.size()];
        final double[] accuracy = new double[points.size()];
        final double[] accuracySd = new double[points.size()];
        final double[] sparsity = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            logC[i] = Math.log10(points.get(i).c());
            sparsity[i] = 100 * points.get(i).model().sparsity();
            if (cv) {
                final CvScores s = result.cvScores().get(i);
                accuracy[i] = s.accuracyMean();
                accuracySd[i] = s.accuracySd();
            } else {
                accuracy[i] = trainingAccuracy[i];
            }
        }
        final int chosen = result.selectedIndex();

        final XYChart tradeOff = chart(TRADE_OFF_HEIGHT, "Regularization path: accuracy and sparsity against C");
        tradeOff.setYAxisGroupTitle(0, cv ? "accuracy (CV mean ± sd)" : "accuracy (training rows)");
        final XYSeries accuracySeries = cv
            ? tradeOff.addSeries("CV accuracy, mean ± sd", logC, accuracy, accuracySd)
            : tradeOff.addSeries("training accuracy", logC, accuracy);
        accuracySeries.setLineColor(ACCURACY).setLineWidth(2f);
        accuracySeries.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(ACCURACY);
        final XYSeries sparsitySeries = tradeOff.addSeries(SPARSITY_SERIES, logC, sparsity);
        sparsitySeries.setYAxisGroup(1);
        sparsitySeries.setLineColor(SPARSITY).setLineWidth(2f);
        sparsitySeries.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(SPARSITY);
        tradeOff.setYAxisGroupTitle(1, SPARSITY_SERIES);
        tradeOff.getStyler().setYAxisGroupPosition(1, YAxisPosition.Right);
        // error bars in the colour of their series, not the theme's black
        tradeOff.getStyler().setErrorBarsColorSeriesColor(true);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < accuracy.length; i++) {
            low = Math.min(low, accuracy[i] - accuracySd[i]);
            high = Math.max(high, accuracy[i] + accuracySd[i]);
        }
        chosenLine(tradeOff, String.format(Locale.ROOT, "chosen C = %.4g", points.get(chosen).c()), logC[chosen],
            low, high).setShowInLegend(true);
        tradeOff.getStyler().setLegendPosition(LegendPosition.OutsideS).setLegendLayout(LegendLayout.Horizontal);

        final XYChart weights = chart(HEIGHT - TRADE_OFF_HEIGHT, weightsCaption(points));
        weights.getStyler().setChartTitleFont(CAPTION);
        weights.setYAxisTitle("weight");
        double wLow = 0;
        double wHigh = 0;
        for (final WeightPath path : weightPaths(points)) {
            final XYSeries s = weights.addSeries(path.name(), logC, path.weights());
            // solid, so that only the chosen C's line is dashed
            s.setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.SOLID).setLineWidth(1.5f);
            for (final double w : path.weights()) {
                wLow = Math.min(wLow, w);
                wHigh = Math.max(wHigh, w);
            }
        }
        chosenLine(weights, CHOSEN_SERIES, logC[chosen], wLow, wHigh);
        weights.getStyler().setLegendVisible(false);
        return new Panels(tradeOff, weights);
    }

    /** The picture as a PNG of {@link #WIDTH} × {@link #HEIGHT} pixels, the trade-off above the weight paths. */
    static byte[] png(final PathResult result, final double[] trainingAccuracy) {
        final Panels panels = panels(result, trainingAccuracy);
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            panels.tradeOff().paint(g, WIDTH, TRADE_OFF_HEIGHT);
            g.translate(0, TRADE_OFF_HEIGHT);
            panels.weights().paint(g, WIDTH, HEIGHT - TRADE_OFF_HEIGHT);
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

    /** The path of one weight (class row, feature), named "class: feature". */
    record WeightPath(String name, double[] weights) {
    }

    /**
     * One path per weight (class row, feature) that is non-zero somewhere on the path, the
     * {@link #MAX_WEIGHT_PATHS} with the largest |weight| along the path, largest first.
     */
    static List<WeightPath> weightPaths(final List<PathPoint> points) {
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
        final List<WeightPath> paths = new ArrayList<>();
        for (final double[] w : largest.subList(0, Math.min(MAX_WEIGHT_PATHS, largest.size()))) {
            final int r = (int) w[0];
            final int j = (int) w[1];
            // a binary model has one coefficient row, the second class's
            final String label = rows == 1 ? first.classes().get(1) : first.classes().get(r);
            final double[] path = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                path[i] = points.get(i).model().coef()[r * features + j];
            }
            paths.add(new WeightPath(label + ": " + first.featureNames().get(j), path));
        }
        return paths;
    }

    private static String weightsCaption(final List<PathPoint> points) {
        final int drawn = weightPaths(points).size();
        final LogisticModel last = points.get(points.size() - 1).model();
        // a binary model has one coefficient row (the second class's) for its two classes
        final String shape = last.coefRows() == last.classes().size()
            ? String.format(Locale.ROOT, "%d classes × %d features", last.coefRows(), last.featureNames().size())
            : String.format(Locale.ROOT, "%d classes: one weight per feature, %d features", last.classes().size(),
                last.featureNames().size());
        return String.format(Locale.ROOT, "The paths of the %d largest of the %d weights (%s); the dashed line marks "
            + "the chosen C", drawn, last.coef().length, shape);
    }

    private static XYChart chart(final int height, final String title) {
        final XYChart chart = new XYChart(WIDTH, height);
        chart.setTitle(title);
        chart.setXAxisTitle("log10(C)");
        final XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setChartTitleFont(TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setMarkerSize(6);
        // XChart puts a tick at each C of the grid (its values are equally spaced in log10 C): two decimals
        // keep neighbouring ticks apart
        styler.setXAxisDecimalPattern("0.00");
        return chart;
    }

    /** A dashed vertical line at {@code logC} from {@code low} to {@code high}, without a legend entry. */
    private static XYSeries chosenLine(final XYChart chart, final String name, final double logC, final double low,
        final double high) {
        final XYSeries line = chart.addSeries(name, new double[] {logC, logC}, new double[] {low, high});
        line.setMarker(SeriesMarkers.NONE).setLineColor(CHOSEN).setLineStyle(DASHED);
        line.setShowInLegend(false);
        return line;
    }
}
