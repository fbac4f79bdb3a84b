package io.github.sparselr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.testing.HexFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CoefficientImagesTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/colormap-fixtures.txt");

    @Test
    void buildsMatplotlibsRdBuTable() {
        assertThat(DivergingColormap.rdBu().table()).containsExactly(FIXTURES.get("table").ints("argb"));
    }

    @Test
    void mapsValuesOnASymmetricScaleLikeMatplotlibsNormalize() {
        final HexFixtures.Case c = FIXTURES.get("normalized");
        final double[] values = c.doubles("values");
        final int[] expected = c.ints("argb");
        final double vmax = c.doubles("vmax")[0];
        for (int i = 0; i < values.length; i++) {
            assertThat(DivergingColormap.rdBu().argb(values[i], vmax)).as("value %s", values[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void drawsEachClassWithZeroWhiteAndTheExtremesDarkRedAndBlue() {
        final LogisticModel model = model(3, 4, new double[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,        // class a: one strong positive weight
            -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       // class b: one strong negative weight
            0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        final CoefficientImages images = new CoefficientImages(model, 4, 3);
        assertThat(images.vmax()).isEqualTo(2.0);
        final BufferedImage a = images.classImage(0, 5);
        assertThat(a.getWidth()).isEqualTo(20);
        assertThat(a.getHeight()).isEqualTo(15);
        final int[] table = DivergingColormap.rdBu().table();
        assertThat(a.getRGB(0, 0)).isEqualTo(table[128]);
        assertThat(a.getRGB(19, 14)).isEqualTo(table[255]);   // bottom-right weight = +vmax, nearest-neighbour block
        assertThat(a.getRGB(15, 10)).isEqualTo(table[255]);
        assertThat(images.classImage(1, 1).getRGB(0, 0)).isEqualTo(table[0]);
    }

    @Test
    void laysOutTheGridWithOneLabelledCellPerClassAndWritesAPng() throws Exception {
        final LogisticModel model = model(3, 2, new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1});
        final CoefficientImages images = new CoefficientImages(model, 3, 2);
        final BufferedImage grid = images.grid(2, 10, "Classification vector for...");
        final int[] second = CoefficientImages.cellOrigin(1, 2, 30, 20);
        final int[] third = CoefficientImages.cellOrigin(2, 2, 30, 20);
        final int[] table = DivergingColormap.rdBu().table();
        assertThat(grid.getRGB(second[0] + 5, second[1] + 5)).isEqualTo(table[128]);
        assertThat(grid.getRGB(third[0] + 29, third[1] + 19)).isEqualTo(table[0]);
        assertThat(images.label(2)).isEqualTo("Class c");

        final BufferedImage read = ImageIO.read(new ByteArrayInputStream(CoefficientImages.png(grid)));
        assertThat(read.getWidth()).isEqualTo(grid.getWidth());
        assertThat(read.getRGB(third[0] + 29, third[1] + 19)).isEqualTo(table[0]);
    }

    @Test
    void rejectsAShapeThatDoesNotHoldTheFeatures() {
        final LogisticModel model = model(3, 2, new double[18]);
        assertThatThrownBy(() -> new CoefficientImages(model, 4, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("whose product is 6");
    }

    private static LogisticModel model(final int classes, final int features, final double[] coef) {
        final List<String> names = new ArrayList<>();
        for (int j = 0; j < coef.length / classes; j++) {
            names.add("f" + j);
        }
        final List<String> labels = List.of("a", "b", "c", "d", "e").subList(0, classes);
        return new LogisticModel(labels, names, coef, new double[classes], 1, true, new double[] {0.0},
            SagaParameters.mnistStudy());
    }
}
