package io.github.sparselr.image;

import io.github.sparselr.linear.LogisticModel;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a model's weights as images, one per class (28 × 28 for MNIST), on matplotlib's RdBu scale
 * symmetric around zero: {@code vmax = max |coef|} over all classes, {@code vmin = −vmax}, so white is
 * an exactly-zero weight. Pixels are scaled by nearest neighbour. The grid (2 × 5 by default) labels
 * each image "Class k" under a title, as the classic scikit-learn example's figure does.
 */
public final class CoefficientImages {

    private static final DivergingColormap RD_BU = DivergingColormap.rdBu();
    private static final int MARGIN = 12;
    private static final int LABEL_HEIGHT = 18;
    private static final int TITLE_HEIGHT = 28;

    private final LogisticModel model;
    private final int width;
    private final int height;
    private final double vmax;

    /**
     * @param width image width in weights; {@code width * height} must equal the number of features
     * @param height image height in weights
     */
    public CoefficientImages(final LogisticModel model, final int width, final int height) {
        final int features = model.featureNames().size();
        if (width < 1 || height < 1 || (long) width * height != features) {
            throw new IllegalArgumentException("An image of " + width + " x " + height + " = " + (long) width * height
                + " pixels cannot show the model's " + features + " weights per class; choose a width and height "
                + "whose product is " + features + ".");
        }
        this.model = model;
        this.width = width;
        this.height = height;
        double max = 0;
        for (final double w : model.coef()) {
            max = Math.max(max, Math.abs(w));
        }
        this.vmax = max;
    }

    /** The symmetric colour scale's limit, max |coef| over all classes. */
    public double vmax() {
        return vmax;
    }

    /** How many images there are: one per class, or one for a two-class model. */
    public int imageCount() {
        return model.coefRows();
    }

    /** The label of image {@code row}: "Class 3", or the positive class of a two-class model. */
    public String label(final int row) {
        return "Class " + (model.coefRows() == 1 ? model.classes().get(1) : model.classes().get(row));
    }

    /** One class's weights, each drawn as a {@code scale} × {@code scale} block. */
    public BufferedImage classImage(final int row, final int scale) {
        checkScale(scale);
        final double[] weights = model.coefRow(row);
        final BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                final int argb = RD_BU.argb(weights[y * width + x], vmax);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, y * scale + dy, argb);
                    }
                }
            }
        }
        return image;
    }

    /** All classes in a grid of {@code columns} columns under {@code title}. */
    public BufferedImage grid(final int columns, final int scale, final String title) {
        checkScale(scale);
        if (columns < 1) {
            throw new IllegalArgumentException("The grid needs at least one column, got " + columns + ".");
        }
        final int count = imageCount();
        final int rows = (count + columns - 1) / columns;
        final int cellWidth = width * scale;
        final int cellHeight = height * scale;
        final int pictureWidth = MARGIN + columns * (cellWidth + MARGIN);
        final int pictureHeight = TITLE_HEIGHT + rows * (cellHeight + LABEL_HEIGHT + MARGIN) + MARGIN;
        final BufferedImage picture = new BufferedImage(pictureWidth, pictureHeight, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = picture.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, pictureWidth, pictureHeight);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            centered(g, title == null ? "" : title, pictureWidth / 2, TITLE_HEIGHT - 9);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i < count; i++) {
                final int left = MARGIN + (i % columns) * (cellWidth + MARGIN);
                final int top = TITLE_HEIGHT + (i / columns) * (cellHeight + LABEL_HEIGHT + MARGIN);
                g.drawImage(classImage(i, scale), left, top, null);
                g.setColor(Color.BLACK);
                centered(g, label(i), left + cellWidth / 2, top + cellHeight + LABEL_HEIGHT - 4);
            }
        } finally {
            g.dispose();
        }
        return picture;
    }

    /** PNG bytes of an image. */
    public static byte[] png(final BufferedImage image) {
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("This Java runtime has no PNG writer.");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-left corner of cell {@code i} in {@link #grid}, for tests and views that point at weights. */
    public static int[] cellOrigin(final int i, final int columns, final int cellWidth, final int cellHeight) {
        return new int[] {MARGIN + (i % columns) * (cellWidth + MARGIN),
            TITLE_HEIGHT + (i / columns) * (cellHeight + LABEL_HEIGHT + MARGIN)};
    }

    private static void centered(final Graphics2D g, final String text, final int centerX, final int baseline) {
        final FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, centerX - metrics.stringWidth(text) / 2, baseline);
    }

    private static void checkScale(final int scale) {
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("The pixel scale must be in [1, 64], got " + scale + ".");
        }
    }
}
