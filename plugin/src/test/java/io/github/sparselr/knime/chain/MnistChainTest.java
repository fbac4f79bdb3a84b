package io.github.sparselr.knime.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.knime.node.coefimage.CoefficientImageNodeFactory;
import io.github.sparselr.knime.node.openmlreader.OpenMlReaderNodeFactory;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import io.github.sparselr.testing.MnistSubset;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/**
 * The MNIST study through all six nodes on the committed 1000-digit subset (written as IDX files and
 * read by the OpenML Reader's local source), checked against the engine called directly.
 */
class MnistChainTest {

    @TempDir
    Path dir;

    @Test
    void theSixNodesGiveTheEnginesAccuracySparsityAndCoefficients() throws Exception {
        final DenseDataset digits = MnistSubset.raw();
        writeIdx(digits);
        final int trainRows = 600;
        final int testRows = 400;

        final HeadlessNode reader = configured(new OpenMlReaderNodeFactory(), s -> {
            s.addString("source", "local");
            s.addString("local_path", dir.toString());
            s.addInt("train_rows", trainRows);
            s.addInt("test_rows", testRows);
        });
        final PortObject[] read = ConfigurePromise.execute(reader);
        final PortObject[] scaled = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerNodeFactory()), read[0]);
        final PortObject[] scaledTest = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerApplyNodeFactory()),
            scaled[1], read[1]);
        final HeadlessNode learner = configured(new SagaLearnerNodeFactory(), s -> s.addDouble("C", 50.0 / trainRows));
        final PortObject[] learned = ConfigurePromise.execute(learner, scaled[0]);
        final PortObject[] predicted = ConfigurePromise.execute(HeadlessNode.of(new LogRegPredictorNodeFactory()),
            learned[0], scaledTest[0]);
        final HeadlessNode scorer = HeadlessNode.of(new ScorerNodeFactory());
        ConfigurePromise.execute(scorer, predicted[0]);
        final PortObject[] images = ConfigurePromise.execute(HeadlessNode.of(new CoefficientImageNodeFactory()),
            learned[0]);

        // the same study, engine only
        final TrainTestSplit split = TrainTestSplit.of(digits, 0, 0, trainRows, testRows);
        final ScalerModel scaler = StandardScaler.centeringAndScaling()
            .fit(split.train().values(), trainRows, split.train().columnNames());
        final LogisticModel direct = new SagaSolver(SagaParameters.mnistStudy().withC(50.0 / trainRows))
            .fit(split.train().withValues(scaler.transform(split.train().values(), trainRows)));
        final double accuracy = direct.score(split.test().withValues(scaler.transform(split.test().values(), testRows)));

        final LogisticModel viaNodes = ((LogisticModelPortObject) learned[0]).model();
        assertThat(viaNodes.coef()).containsExactly(direct.coef());
        assertThat(viaNodes.nIter()).isEqualTo(direct.nIter());
        assertThat(viaNodes.sparsity()).isEqualTo(direct.sparsity()).isGreaterThan(0.5);
        assertThat(scorer.pushedFlowVariables().get("Accuracy")).isEqualTo(accuracy);
        assertThat(accuracy).isGreaterThan(0.75);
        assertThat(((BufferedDataTable) images[1]).size()).isEqualTo(10);
    }

    @Test
    void fiveTestDigitsAreScoredInTheTenDigitConfusionMatrixConfigurePromised() throws Exception {
        writeIdx(MnistSubset.raw());
        final HeadlessNode reader = configured(new OpenMlReaderNodeFactory(), s -> {
            s.addString("source", "local");
            s.addString("local_path", dir.toString());
            s.addInt("train_rows", 300);
            s.addInt("test_rows", 5);
        });
        final PortObject[] read = ConfigurePromise.execute(reader);
        final PortObject[] scaled = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerNodeFactory()), read[0]);
        final PortObject[] scaledTest = ConfigurePromise.execute(HeadlessNode.of(new StandardScalerApplyNodeFactory()),
            scaled[1], read[1]);
        final PortObject[] learned = ConfigurePromise.execute(
            configured(new SagaLearnerNodeFactory(), s -> s.addDouble("C", 50.0 / 300)), scaled[0]);
        final PortObject[] predicted = ConfigurePromise.execute(HeadlessNode.of(new LogRegPredictorNodeFactory()),
            learned[0], scaledTest[0]);
        final HeadlessNode scorer = HeadlessNode.of(new ScorerNodeFactory());
        final DataTableSpec promised = (DataTableSpec) scorer.configure(predicted[0].getSpec())[0];

        // ConfigurePromise#execute fails when the output differs from what configure promised
        final BufferedDataTable confusion = (BufferedDataTable) ConfigurePromise.execute(scorer, predicted[0])[0];
        assertThat(promised.getColumnNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(confusion.getDataTableSpec().getColumnNames()).isEqualTo(promised.getColumnNames());
        long counted = 0;
        for (final DataRow row : confusion) {
            for (int i = 0; i < row.getNumCells(); i++) {
                counted += ((IntValue) row.getCell(i)).getIntValue();
            }
        }
        assertThat(confusion.size()).isEqualTo(10);
        assertThat(counted).isEqualTo(5);
    }

    private static HeadlessNode configured(final org.knime.core.node.NodeFactory<?> factory,
        final java.util.function.Consumer<NodeSettings> change) throws Exception {
        final HeadlessNode node = HeadlessNode.of(factory);
        final NodeSettings settings = node.saveSettings();
        change.accept(settings);
        node.loadSettings(settings);
        return node;
    }

    /** The subset as MNIST's four files: 800 "training" and 200 "test" digits. */
    private void writeIdx(final DenseDataset digits) throws Exception {
        final int split = 800;
        writeImages("train-images-idx3-ubyte", digits, 0, split);
        writeLabels("train-labels-idx1-ubyte", digits, 0, split);
        writeImages("t10k-images-idx3-ubyte", digits, split, digits.rows());
        writeLabels("t10k-labels-idx1-ubyte", digits, split, digits.rows());
    }

    private void writeImages(final String name, final DenseDataset d, final int from, final int to) throws Exception {
        final ByteArrayOutputStream out = header(3, to - from, 28, 28);
        for (int i = from * 784; i < to * 784; i++) {
            out.write((int) d.values()[i]);
        }
        Files.write(dir.resolve(name), out.toByteArray());
    }

    private void writeLabels(final String name, final DenseDataset d, final int from, final int to) throws Exception {
        final ByteArrayOutputStream out = header(1, to - from);
        for (int i = from; i < to; i++) {
            out.write(Integer.parseInt(d.labels()[i]));
        }
        Files.write(dir.resolve(name), out.toByteArray());
    }

    private static ByteArrayOutputStream header(final int dims, final int... sizes) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 8, (byte) dims});
        for (final int s : sizes) {
            out.writeBytes(new byte[] {(byte) (s >>> 24), (byte) (s >>> 16), (byte) (s >>> 8), (byte) s});
        }
        return out;
    }
}
