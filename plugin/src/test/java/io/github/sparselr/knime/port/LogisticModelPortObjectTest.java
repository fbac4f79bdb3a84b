package io.github.sparselr.knime.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.TableModel;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;

class LogisticModelPortObjectTest {

    /** 3 classes x 4 features, 5 of the 12 weights zero; 7 epochs of at most 100, converged. */
    private static LogisticModelPortObject small() {
        final double[] coef = {0.5, 0, -1.25, 0, 0, 2, 0, 0.75, -0.5, 1, 0, 3};
        final SagaParameters parameters = new SagaParameters(Penalty.ELASTICNET, 0.25, 0.5, 0.01, 100, true, 7);
        return new LogisticModelPortObject(new LogisticModel(List.of("a", "b", "c"), List.of("f1", "f2", "f3", "f4"),
            coef, new double[3], 7, true, new double[7], parameters), "class");
    }

    /** The MNIST study's shape: 10 classes x 784 pixels, every fourth weight non-zero; max_iter reached. */
    private static LogisticModelPortObject mnistShaped() {
        final List<String> classes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            classes.add(Integer.toString(k));
        }
        final List<String> pixels = new ArrayList<>();
        for (int j = 0; j < 784; j++) {
            pixels.add("pixel" + (j + 1));
        }
        final double[] coef = new double[10 * 784];
        for (int i = 0; i < coef.length; i += 4) {
            coef[i] = 0.001 * (i % 7 - 3) + 0.0005;
        }
        return new LogisticModelPortObject(new LogisticModel(classes, pixels, coef, new double[10], 100, false,
            new double[100], SagaParameters.mnistStudy()), "class");
    }

    @Test
    void theViewSummarizesTheFitInsteadOfListingEveryCoefficient() {
        final JComponent[] views = small().getViews();
        assertThat(views).hasSize(1);
        assertThat(views[0].getName()).isEqualTo("Logistic Regression Model");
        assertThat(lines(views[0])).containsExactly(
            Map.entry("Target column", "class"),
            Map.entry("Classes", "3: a, b, c"),
            Map.entry("Features", "4"),
            Map.entry("penalty", "elasticnet (l1_ratio 0.5)"),
            Map.entry("C", "0.25"),
            Map.entry("tol", "0.01"),
            Map.entry("fit_intercept", "true"),
            Map.entry("random_state", "7"),
            Map.entry("n_iter", "7 (max_iter 100)"),
            Map.entry("Converged", "yes"),
            Map.entry("Sparsity", "41.67% of the weights are zero (5 of 12)"));
    }

    @Test
    void theSummaryCountsNIterWhichIsEpochsForSagaAndOuterIterationsForNewtonCd() {
        assertThat(small().getSummary()).contains(" features, n_iter 7, ").doesNotContain("epoch");
    }

    @Test
    void theViewOfAModelOf7840WeightsIsAsShort() {
        final Map<String, String> lines = lines(mnistShaped().getViews()[0]);
        assertThat(lines).hasSize(11);
        assertThat(lines).containsEntry("Classes", "10: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9")
            .containsEntry("Features", "784")
            .containsEntry("penalty", "l1")
            .containsEntry("C", "0.01")
            .containsEntry("n_iter", "100 (max_iter 100)")
            .containsEntry("Converged", "no: max_iter was reached before tol")
            .containsEntry("Sparsity", "75.00% of the weights are zero (5880 of 7840)");
    }

    @Test
    void theViewListsTwentyClassesAndCountsTheRest() {
        final List<String> classes = new ArrayList<>();
        for (int k = 0; k < 25; k++) {
            classes.add("c" + k);
        }
        final LogisticModelPortObject model = new LogisticModelPortObject(new LogisticModel(classes, List.of("x"),
            new double[25], new double[25], 1, true, new double[1], SagaParameters.mnistStudy()), "label");
        assertThat(lines(model.getViews()[0]).get("Classes"))
            .isEqualTo("25: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19,"
                + " … (5 more)");
    }

    @Test
    void getSpecBuildsTheSpecOnceAndAfterLoadingToo() throws Exception {
        final LogisticModelPortObject model = mnistShaped();
        final DataTableSpec spec = model.getSpec();
        assertThat(model.getSpec()).isSameAs(spec);
        assertThat(LogisticModelPortObject.featuresOf(spec)).hasSize(784).startsWith("pixel1");
        assertThat(LogisticModelPortObject.classesOf(spec)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7",
            "8", "9");

        final LogisticModelPortObject loaded = HeadlessNode.roundTrip(model, new LogisticModelPortObject.Serializer());
        assertThat(loaded.getSpec()).isEqualTo(spec).isSameAs(loaded.getSpec());
    }

    /** The view's table as name to value, in order. */
    private static Map<String, String> lines(final JComponent view) {
        final TableModel table = ((JTable) ((JScrollPane) view).getViewport().getView()).getModel();
        final Map<String, String> lines = new LinkedHashMap<>();
        for (int row = 0; row < table.getRowCount(); row++) {
            lines.put((String) table.getValueAt(row, 0), (String) table.getValueAt(row, 1));
        }
        return lines;
    }
}
