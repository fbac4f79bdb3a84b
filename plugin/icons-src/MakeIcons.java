import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws sparselr's 16x16 icons. Run from plugin/: java icons-src/MakeIcons.java
 * The PNGs are committed; rerun this after changing a drawing.
 */
public final class MakeIcons {

    private static final Color BLUE = new Color(0x21, 0x66, 0xac);
    private static final Color RED = new Color(0xb2, 0x18, 0x2b);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    public static void main(final String[] args) throws IOException {
        final String nodes = "src/main/java/io/github/sparselr/knime/node/";
        write("icons/sparselr.png", MakeIcons::sparseGrid);
        write(nodes + "scaler/standard_scaler.png", g -> bellCurve(g, false));
        write(nodes + "scalerapply/standard_scaler_apply.png", g -> bellCurve(g, true));
        write(nodes + "sagalearner/saga_learner.png", g -> learner(g));
        write(nodes + "predictor/logreg_predictor.png", g -> predictor(g));
        write(nodes + "scorer/scorer.png", g -> scorer(g));
        write(nodes + "openmlreader/openml_reader.png", g -> reader(g));
        write(nodes + "coefimage/coefficient_image.png", g -> coefficientImage(g));
        write(nodes + "logregpath/logreg_path.png", g -> path(g));
    }

    interface Drawing {
        void draw(Graphics2D g);
    }

    private static void write(final String path, final Drawing drawing) throws IOException {
        final BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        drawing.draw(g);
        g.dispose();
        ImageIO.write(image, "png", new File(path));
    }

    // A 4x4 weight grid, mostly white (zero), a few red and blue cells: a sparse coefficient image.
    private static void sparseGrid(final Graphics2D g) {
        final int[][] w = {{0, 1, 0, 0}, {0, 0, -1, 0}, {1, 0, 0, 0}, {0, 0, 0, -1}};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                g.setColor(w[r][c] > 0 ? RED : w[r][c] < 0 ? BLUE : Color.WHITE);
                g.fillRect(c * 4, r * 4, 4, 4);
            }
        }
        g.setColor(GREY);
        g.drawRect(0, 0, 15, 15);
    }

    // A sigmoid over an axis with two classes of points: logistic regression.
    private static void learner(final Graphics2D g) {
        g.setColor(GREY);
        g.drawLine(1, 14, 14, 14);
        final Path2D curve = new Path2D.Double();
        for (int i = 0; i <= 26; i++) {
            final double x = -4 + i * 8.0 / 26;
            final double px = 1.5 + (x + 4) * 13 / 8;
            final double py = 13.5 - 11 / (1 + Math.exp(-2 * x));
            if (i == 0) {
                curve.moveTo(px, py);
            } else {
                curve.lineTo(px, py);
            }
        }
        g.setColor(BLUE);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(curve);
        g.setColor(RED);
        g.fillRect(2, 11, 2, 2);
        g.fillRect(5, 11, 2, 2);
        g.setColor(BLUE);
        g.fillRect(10, 2, 2, 2);
        g.fillRect(13, 2, 2, 2);
    }

    // A sigmoid with an arrow pointing at a label: prediction.
    private static void predictor(final Graphics2D g) {
        learner(g);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(0, 8, 5, 8);
        g.fillPolygon(new int[] {5, 5, 8}, new int[] {5, 11, 8}, 3);
    }

    // A 3x3 confusion matrix with a strong diagonal.
    private static void scorer(final Graphics2D g) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                g.setColor(r == c ? BLUE : new Color(0xd1, 0xe5, 0xf0));
                g.fillRect(1 + c * 5, 1 + r * 5, 4, 4);
            }
        }
    }

    // A table with a downward arrow: data arrives.
    private static void reader(final Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(1, 5, 14, 10);
        g.setColor(GREY);
        g.drawRect(1, 5, 13, 9);
        g.drawLine(1, 8, 14, 8);
        g.drawLine(6, 5, 6, 14);
        g.setColor(BLUE);
        g.fillPolygon(new int[] {9, 15, 12}, new int[] {0, 0, 4}, 3);
    }

    // A tiny red-white-blue digit-like image in a frame.
    private static void coefficientImage(final Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 16, 16);
        g.setColor(RED);
        g.fillRect(4, 3, 8, 2);
        g.fillRect(4, 11, 8, 2);
        g.setColor(BLUE);
        g.fillRect(3, 5, 2, 6);
        g.fillRect(11, 5, 2, 6);
        g.setColor(GREY);
        g.drawRect(0, 0, 15, 15);
    }

    // A standard normal density over an axis; the Apply variant adds an arrow into the curve.
    private static void bellCurve(final Graphics2D g, final boolean apply) {
        g.setColor(GREY);
        g.drawLine(1, 14, 14, 14);
        g.drawLine(8, 2, 8, 14);
        final Path2D curve = new Path2D.Double();
        for (int i = 0; i <= 26; i++) {
            final double x = -3 + i * 6.0 / 26;
            final double px = 1.5 + (x + 3) * 13 / 6;
            final double py = 13.5 - 11 * Math.exp(-x * x / 2);
            if (i == 0) {
                curve.moveTo(px, py);
            } else {
                curve.lineTo(px, py);
            }
        }
        g.setColor(BLUE);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(curve);
        if (apply) {
            g.setColor(RED);
            g.setStroke(new BasicStroke(1.4f));
            g.drawLine(0, 4, 4, 4);
            g.fillPolygon(new int[] {4, 4, 7}, new int[] {1, 7, 4}, 3);
        }
    }

    // Coefficient paths leaving zero one after another as C grows, and a dashed line at the chosen C.
    private static void path(final Graphics2D g) {
        g.setColor(GREY);
        g.drawLine(1, 8, 14, 8);
        final double[][] paths = {{3, -6}, {6, 5}, {9, -3}};
        final Color[] colors = {BLUE, RED, BLUE};
        g.setStroke(new BasicStroke(1.4f));
        for (int i = 0; i < paths.length; i++) {
            g.setColor(colors[i]);
            final Path2D line = new Path2D.Double();
            line.moveTo(1, 8);
            line.lineTo(paths[i][0], 8);
            line.lineTo(15, 8 + paths[i][1]);
            g.draw(line);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
        g.drawLine(11, 0, 11, 15);
    }
}
