package io.github.sparselr.knime.node.coefimage;

import io.github.sparselr.image.CoefficientImages;
import java.awt.BorderLayout;
import java.awt.event.MouseEvent;
import java.awt.event.MouseMotionAdapter;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.knime.core.node.NodeView;

/**
 * Shows the coefficient images large; below them, the class and the weight under the mouse pointer.
 * Only for looking: the image port carries the result.
 */
final class CoefficientImageNodeView extends NodeView<CoefficientImageNodeModel> {

    private final JLabel m_image = new JLabel();
    private final JLabel m_status = new JLabel(" ");

    CoefficientImageNodeView(final CoefficientImageNodeModel model) {
        super(model);
        final JPanel panel = new JPanel(new BorderLayout());
        panel.add(new JScrollPane(m_image), BorderLayout.CENTER);
        panel.add(m_status, BorderLayout.SOUTH);
        m_image.addMouseMotionListener(new MouseMotionAdapter() {
            @Override
            public void mouseMoved(final MouseEvent e) {
                m_status.setText(describe(getNodeModel().rendering(), e.getX(), e.getY()));
            }
        });
        setComponent(panel);
        modelChanged();
    }

    /** What lies under grid pixel (x, y): "Class 3, row 12, column 7 (feature 344): weight -0.0123". */
    static String describe(final CoefficientImageNodeModel.Rendering r, final int x, final int y) {
        if (r == null) {
            return " ";
        }
        final int cellWidth = r.width() * r.scale();
        final int cellHeight = r.height() * r.scale();
        for (int i = 0; i < r.labels().size(); i++) {
            final int[] origin = CoefficientImages.cellOrigin(i, r.columns(), cellWidth, cellHeight);
            final int dx = x - origin[0];
            final int dy = y - origin[1];
            if (dx >= 0 && dy >= 0 && dx < cellWidth && dy < cellHeight) {
                final int row = dy / r.scale();
                final int column = dx / r.scale();
                final int feature = row * r.width() + column;
                return String.format("%s, row %d, column %d (feature %d): weight %.6g (scale ±%.4g)", r.labels().get(i),
                    row + 1, column + 1, feature + 1, r.weights()[i][feature], r.vmax());
            }
        }
        return " ";
    }

    @Override
    protected void modelChanged() {
        final CoefficientImageNodeModel.Rendering r = getNodeModel().rendering();
        m_image.setIcon(r == null ? null : new ImageIcon(r.grid()));
        m_image.setText(r == null ? "Execute the node to draw the weights." : null);
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    @Override
    protected void onOpen() {
        modelChanged();
    }
}
