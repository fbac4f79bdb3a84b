package io.github.sparselr.knime.node.coefimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.testing.Blobs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;

class CoefficientImageNodeTest {

    private static LogisticModelPortObject model;

    @TempDir
    Path dir;

    @BeforeAll
    static void learn() throws Exception {
        model = (LogisticModelPortObject) HeadlessNode.of(new SagaLearnerNodeFactory()).execute(Blobs.table(40, 1))[0];
    }

    private static HeadlessNode viewer(final int width, final int height) throws Exception {
        final HeadlessNode node = HeadlessNode.of(new CoefficientImageNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addInt(CoefficientImageSettings.KEY_WIDTH, width);
        settings.addInt(CoefficientImageSettings.KEY_HEIGHT, height);
        settings.addInt(CoefficientImageSettings.KEY_COLUMNS, 2);
        settings.addInt(CoefficientImageSettings.KEY_SCALE, 10);
        node.loadSettings(settings);
        return node;
    }

    @Test
    void drawsAPngGridAndAWeightTable() throws Exception {
        final HeadlessNode node = viewer(2, 2);
        final PortObject[] out = ConfigurePromise.execute(node, model);
        final byte[] png = ((PNGImageCell) ((ImagePortObject) out[0]).toDataCell()).getImageContent().getByteArray();
        final BufferedImage grid = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(grid.getWidth()).isEqualTo(12 + 2 * (20 + 12));   // margin + 2 columns of 2 weights x 10 px
        assertThat(grid.getHeight()).isGreaterThan(2 * 20);

        final BufferedDataTable weights = (BufferedDataTable) out[1];
        assertThat(weights.size()).isEqualTo(3);
        final DataRow first = weights.iterator().next();
        final double[] coef = model.model().coefRow(0);
        assertThat(((DoubleValue) first.getCell(2)).getDoubleValue())
            .isEqualTo(java.util.Arrays.stream(coef).min().getAsDouble());

        final ImagePortObject copy = HeadlessNode.roundTrip((ImagePortObject) out[0], new ImagePortObject.Serializer());
        assertThat(copy.toDataCell()).isEqualTo(((ImagePortObject) out[0]).toDataCell());
    }

    @Test
    void theViewNamesTheWeightUnderThePointerAndSurvivesSaveAndLoad() throws Exception {
        final HeadlessNode node = viewer(2, 2);
        node.execute(model);
        final CoefficientImageNodeModel nodeModel = (CoefficientImageNodeModel) node.model();
        // cell 1 (class b) starts at x = 12 + 20 + 12 = 44, y = 28; its weight (row 2, column 1) is feature 3
        final String text = CoefficientImageNodeView.describe(nodeModel.rendering(), 44 + 5, 28 + 15);
        assertThat(text).startsWith("Class b, row 2, column 1 (feature 3): weight ")
            .contains(String.format("%.6g", model.model().coefRow(1)[2]));
        assertThat(CoefficientImageNodeView.describe(nodeModel.rendering(), 1, 1)).isBlank();

        final CoefficientImageNodeView view = new CoefficientImageNodeView(nodeModel);
        assertThat(view).isNotNull();

        final java.lang.reflect.Method save = CoefficientImageNodeModel.class.getDeclaredMethod("saveInternals",
            java.io.File.class, ExecutionMonitor.class);
        save.invoke(nodeModel, dir.toFile(), new ExecutionMonitor());
        final CoefficientImageNodeModel restored = new CoefficientImageNodeModel();
        final java.lang.reflect.Method load = CoefficientImageNodeModel.class.getDeclaredMethod("loadInternals",
            java.io.File.class, ExecutionMonitor.class);
        load.invoke(restored, dir.toFile(), new ExecutionMonitor());
        assertThat(CoefficientImageNodeView.describe(restored.rendering(), 44 + 5, 28 + 15)).isEqualTo(text);
    }

    @Test
    void refusesAShapeThatDoesNotHoldTheFeatures() throws Exception {
        assertThatThrownBy(() -> viewer(28, 28).configure(model.getSpec()))
            .hasMessageContaining("28 x 28 = 784 pixels cannot show the model's 4 weights");
    }
}
