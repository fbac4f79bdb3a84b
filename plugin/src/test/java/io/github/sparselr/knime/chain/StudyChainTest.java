package io.github.sparselr.knime.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.ConfigurePromise;
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

/** The study's chain of six nodes, checked against the engine called directly on the same data. */
class StudyChainTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void readerScalerLearnerPredictorScorerAndViewerGiveTheEnginesAccuracyAndSparsity() throws Exception {
        // the OpenML Reader on a local ARFF copy of 270 blob rows: 180 for training, 90 for testing
        final java.nio.file.Path arff = dir.resolve("blobs.arff");
        final StringBuilder text = new StringBuilder("@relation blobs\n@attribute f1 numeric\n@attribute f2 numeric\n"
            + "@attribute f3 numeric\n@attribute f4 numeric\n@attribute class {a,b,c}\n@data\n");
        for (final DataRow row : Blobs.table(90, 11)) {
            for (int j = 0; j < 4; j++) {
                text.append(Double.toString(((DoubleValue) row.getCell(j)).getDoubleValue())).append(',');
            }
            text.append(row.getCell(4)).append('\n');
        }
        java.nio.file.Files.writeString(arff, text);
        final HeadlessNode reader = HeadlessNode.of(new io.github.sparselr.knime.node.openmlreader.OpenMlReaderNodeFactory());
        final org.knime.core.node.NodeSettings readerSettings = reader.saveSettings();
        readerSettings.addString("source", "local");
        readerSettings.addString("local_path", arff.toString());
        readerSettings.addInt("train_rows", 180);
        readerSettings.addInt("test_rows", 90);
        reader.loadSettings(readerSettings);
        final PortObject[] read = ConfigurePromise.execute(reader);
        final BufferedDataTable train = (BufferedDataTable) read[0];
        final BufferedDataTable test = (BufferedDataTable) read[1];

        final PortObject[] scaled = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerNodeFactory()), train);
        final PortObject[] scaledTest = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerApplyNodeFactory()),
            scaled[1], test);
        // the study's C = 50 / n_train, here for 180 rows
        final HeadlessNode learner = HeadlessNode.of(new SagaLearnerNodeFactory());
        final org.knime.core.node.NodeSettings settings = learner.saveSettings();
        settings.addDouble("C", 50.0 / 180);
        learner.loadSettings(settings);
        final PortObject[] learned = ConfigurePromise.execute(learner, scaled[0]);
        final PortObject[] predicted = HeadlessNode.of(new LogRegPredictorNodeFactory())
            .execute(learned[0], scaledTest[0]);
        final HeadlessNode scorer = HeadlessNode.of(new ScorerNodeFactory());
        ConfigurePromise.execute(scorer, predicted[0]);
        final HeadlessNode viewer = HeadlessNode.of(new io.github.sparselr.knime.node.coefimage.CoefficientImageNodeFactory());
        final org.knime.core.node.NodeSettings viewerSettings = viewer.saveSettings();
        viewerSettings.addInt("image_width", 2);
        viewerSettings.addInt("image_height", 2);
        viewer.loadSettings(viewerSettings);
        final PortObject[] images = ConfigurePromise.execute(viewer, learned[0]);
        assertThat(((BufferedDataTable) images[1]).size()).isEqualTo(3);

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
