package io.github.sparselr.knime.node.coefimage;

import io.github.sparselr.image.CoefficientImages;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.linear.LogisticModel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * Draws a logistic model's weights as one image per class on a symmetric red–white–blue scale,
 * outputs the grid as a PNG image port and a per-class weight table, and keeps the drawing for its view.
 */
final class CoefficientImageNodeModel extends SparselrNodeModel {

    static final DataTableSpec WEIGHTS_SPEC = new DataTableSpec("Weights per class",
        new String[] {"Class", "Non-zero weights", "Min weight", "Max weight"},
        new DataType[] {StringCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE});

    private static final String GRID_FILE = "coefficient-grid.png";
    private static final String VIEW_FILE = "view.xml";

    private final CoefficientImageSettings m_settings;

    /** What the view shows: the grid and what lies under each of its pixels. */
    record Rendering(BufferedImage grid, List<String> labels, double[][] weights, int width, int height, int columns,
        int scale, double vmax) {
    }

    private Rendering m_rendering;

    CoefficientImageNodeModel() {
        this(new CoefficientImageSettings());
    }

    private CoefficientImageNodeModel(final CoefficientImageSettings settings) {
        super(new PortType[] {LogisticModelPortObject.TYPE},
            new PortType[] {ImagePortObject.TYPE, BufferedDataTable.TYPE}, settings.group());
        m_settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec model = (DataTableSpec) inSpecs[0];
        if (model != null) {
            checkShape(model.getNumColumns() - 1);
        }
        return new PortObjectSpec[] {new ImagePortObjectSpec(PNGImageContent.TYPE), WEIGHTS_SPEC};
    }

    private void checkShape(final int features) throws InvalidSettingsException {
        final long pixels = (long) m_settings.width().getIntValue() * m_settings.height().getIntValue();
        if (pixels != features) {
            throw new InvalidSettingsException("An image of " + m_settings.width().getIntValue() + " x "
                + m_settings.height().getIntValue() + " = " + pixels + " pixels cannot show the model's " + features
                + " weights per class; set image width and height so that their product is " + features + ".");
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final LogisticModel model = ((LogisticModelPortObject) inObjects[0]).model();
        checkShape(model.featureNames().size());
        final int width = m_settings.width().getIntValue();
        final int height = m_settings.height().getIntValue();
        final int columns = m_settings.columns().getIntValue();
        final int scale = m_settings.scale().getIntValue();
        final CoefficientImages images = new CoefficientImages(model, width, height);
        final BufferedImage grid = images.grid(columns, scale, m_settings.title().getStringValue());
        final double[][] weights = new double[images.imageCount()][];
        final String[] labels = new String[images.imageCount()];
        final BufferedDataContainer table = exec.createDataContainer(WEIGHTS_SPEC);
        for (int row = 0; row < images.imageCount(); row++) {
            weights[row] = model.coefRow(row);
            labels[row] = images.label(row);
            int nonZero = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (final double w : weights[row]) {
                nonZero += w != 0 ? 1 : 0;
                min = Math.min(min, w);
                max = Math.max(max, w);
            }
            final String label = model.coefRows() == 1 ? model.classes().get(1) : model.classes().get(row);
            table.addRowToTable(new DefaultRow(labels[row], new StringCell(label), new IntCell(nonZero),
                new DoubleCell(min), new DoubleCell(max)));
        }
        table.close();
        m_rendering = new Rendering(grid, List.of(labels), weights, width, height, columns, scale, images.vmax());
        final PNGImageContent png = new PNGImageContent(CoefficientImages.png(grid));
        return new PortObject[] {new ImagePortObject(png, new ImagePortObjectSpec(PNGImageContent.TYPE)),
            table.getTable()};
    }

    /** The last drawing, or null before execution; read by the view. */
    Rendering rendering() {
        return m_rendering;
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        if (m_rendering == null) {
            return;
        }
        ImageIO.write(m_rendering.grid(), "png", new File(nodeInternDir, GRID_FILE));
        final ModelContent view = new ModelContent("view");
        view.addStringArray("labels", m_rendering.labels().toArray(new String[0]));
        for (int i = 0; i < m_rendering.weights().length; i++) {
            view.addDoubleArray("weights_" + i, m_rendering.weights()[i]);
        }
        view.addIntArray("shape", m_rendering.width(), m_rendering.height(), m_rendering.columns(), m_rendering.scale());
        view.addDouble("vmax", m_rendering.vmax());
        try (OutputStream out = new FileOutputStream(new File(nodeInternDir, VIEW_FILE))) {
            view.saveToXML(out);
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        final File gridFile = new File(nodeInternDir, GRID_FILE);
        if (!gridFile.exists()) {
            return;
        }
        try (InputStream in = new FileInputStream(new File(nodeInternDir, VIEW_FILE))) {
            final ModelContentRO view = ModelContent.loadFromXML(in);
            final String[] labels = view.getStringArray("labels");
            final double[][] weights = new double[labels.length][];
            for (int i = 0; i < labels.length; i++) {
                weights[i] = view.getDoubleArray("weights_" + i);
            }
            final int[] shape = view.getIntArray("shape");
            m_rendering = new Rendering(ImageIO.read(gridFile), List.of(labels), weights, shape[0], shape[1], shape[2],
                shape[3], view.getDouble("vmax"));
        } catch (InvalidSettingsException e) {
            throw new IOException("The saved coefficient view is incomplete: " + e.getMessage(), e);
        }
    }


    @Override
    protected void reset() {
        m_rendering = null;
    }
}
