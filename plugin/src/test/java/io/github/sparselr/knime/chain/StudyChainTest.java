package io.github.sparselr.knime.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;

/** The study's chain of nodes, checked against the engine called directly on the same data. */
class StudyChainTest {

    @Test
    void scalerLearnerPredictorAndScorerGiveTheEnginesAccuracyAndSparsity() throws Exception {
        final BufferedDataTable train = Blobs.table(60, 11);
        final BufferedDataTable test = Blobs.table(30, 12);

        final PortObject[] scaled = HeadlessNode.of(new StandardScalerNodeFactory()).execute(train);
        final PortObject[] scaledTest = HeadlessNode.of(new StandardScalerApplyNodeFactory()).execute(scaled[1], test);
        // the study's C = 50 / n_train, here for 180 rows
        final HeadlessNode learner = HeadlessNode.of(new SagaLearnerNodeFactory());
        final org.knime.core.node.NodeSettings settings = learner.saveSettings();
        settings.addDouble("C", 50.0 / 180);
        learner.loadSettings(settings);
        final PortObject[] learned = learner.execute(scaled[0]);
        final PortObject[] predicted = HeadlessNode.of(new LogRegPredictorNodeFactory())
            .execute(learned[0], scaledTest[0]);
        final HeadlessNode scorer = HeadlessNode.of(new ScorerNodeFactory());
        scorer.execute(predicted[0]);

        final DenseDataset trainData = dataset(train);
        final DenseDataset testData = dataset(test);
        final ScalerModel scaler = StandardScaler.centeringAndScaling()
            .fit(trainData.values(), trainData.rows(), trainData.columnNames());
        final LogisticModel direct = new SagaSolver(SagaParameters.mnistStudy().withC(50.0 / 180))
            .fit(trainData.withValues(scaler.transform(trainData.values(), trainData.rows())));
        final double accuracy = direct.score(testData.withValues(scaler.transform(testData.values(), testData.rows())));

        final LogisticModel viaNodes = ((LogisticModelPortObject) learned[0]).model();
        assertThat(viaNodes.coef()).containsExactly(direct.coef());
        assertThat(viaNodes.sparsity()).isEqualTo(direct.sparsity());
        assertThat(scorer.pushedFlowVariables().get("Accuracy")).isEqualTo(accuracy);
        assertThat(accuracy).isGreaterThan(0.8);
        assertThat(viaNodes.sparsity()).isGreaterThan(0.0);
    }

    private static DenseDataset dataset(final BufferedDataTable table) {
        final List<Double> values = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        for (final DataRow row : table) {
            for (int j = 0; j < 4; j++) {
                values.add(((DoubleValue) row.getCell(j)).getDoubleValue());
            }
            labels.add(((StringValue) row.getCell(4)).getStringValue());
        }
        return DenseDataset.of(values.stream().mapToDouble(Double::doubleValue).toArray(), labels.size(),
            List.of("f1", "f2", "f3", "f4"), labels.toArray(new String[0]));
    }
}
