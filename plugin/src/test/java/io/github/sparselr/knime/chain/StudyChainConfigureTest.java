package io.github.sparselr.knime.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.node.coefimage.CoefficientImageNodeFactory;
import io.github.sparselr.knime.node.openmlreader.OpenMlReaderNodeFactory;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.NodeWithSettings;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.openml.FakeOpenMl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The study's chain configures before anything has executed: from the OpenML Reader's configure-time
 * spec (an empty cache, OpenML's metadata only), every node below gets specs, as KNIME configures a
 * node only once all its inputs have specs ({@code org.knime.core.node.Node#configure}); and what the
 * nodes then execute has the columns they promised.
 */
class StudyChainConfigureTest {

    @TempDir
    Path dir;

    /** 60 rows of two numbers and a class, "yes" where a + b is large. */
    private static String arff() {
        final StringBuilder s = new StringBuilder("@relation tiny\n@attribute a numeric\n@attribute b numeric\n"
            + "@attribute class {no,yes}\n@data\n");
        for (int i = 0; i < 60; i++) {
            final int a = i % 7;
            final int b = (i * 5) % 11;
            s.append(a).append(',').append(b).append(a + b > 8 ? ",yes\n" : ",no\n");
        }
        return s.toString();
    }

    @Test
    void configuresEveryNodeOfTheStudyFromTheReadersSpecWithAnEmptyCache() throws Exception {
        try (FakeOpenMl server = new FakeOpenMl()) {
            server.arff = arff();
            server.features = FakeOpenMl.features("a:numeric", "b:numeric", "class:nominal=no|yes:target");
            final HeadlessNode reader = node(new OpenMlReaderNodeFactory(), "dataset_name", "tiny", "server_url",
                server.root().toString(), "cache_dir", dir.resolve("cache").toString(), "train_rows", "40",
                "test_rows", "20");
            final HeadlessNode scaler = HeadlessNode.of(new StandardScalerNodeFactory());
            final HeadlessNode apply = HeadlessNode.of(new StandardScalerApplyNodeFactory());
            final HeadlessNode learner = HeadlessNode.of(new SagaLearnerNodeFactory());
            final HeadlessNode predictor = HeadlessNode.of(new LogRegPredictorNodeFactory());
            final HeadlessNode scorer = HeadlessNode.of(new ScorerNodeFactory());
            final HeadlessNode viewer = node(new CoefficientImageNodeFactory(), "image_width", "2", "image_height",
                "1");

            final PortObjectSpec[] read = reader.configure();
            final PortObjectSpec[] scaled = scaler.configure(read[0]);
            final PortObjectSpec[] applied = apply.configure(scaled[1], read[1]);
            final PortObjectSpec[] learned = learner.configure(scaled[0]);
            final PortObjectSpec[] predicted = predictor.configure(learned[0], applied[0]);
            final PortObjectSpec[] scored = scorer.configure(predicted[0]);
            final PortObjectSpec[] images = viewer.configure(learned[0]);
            for (final PortObjectSpec[] specs : new PortObjectSpec[][] {read, scaled, applied, learned, predicted,
                scored, images}) {
                assertThat(specs).isNotNull().doesNotContainNull();
            }
            assertThat(server.requests(FakeOpenMl.ARFF_PATH)).isZero();
            // the learner's dialog opens on the reader's spec (its column selection needs a string column), and
            // with no target chosen the learner takes the reader's target
            assertThat(learner.openDialog(scaled[0])).isNotNull();
            final DataTableSpec model = (DataTableSpec) learned[0];
            assertThat(model.getColumnSpec(model.getNumColumns() - 1).getName()).isEqualTo("class");
            assertThat(learner.warningMessage()).contains("using 'class'");

            // executed, each node gives the columns it promised when only the reader's metadata was known
            final PortObject[] readOut = ConfigurePromise.execute(reader);
            assertSameColumns(read, readOut);
            final PortObject[] scaledOut = ConfigurePromise.execute(scaler, readOut[0]);
            assertSameColumns(scaled, scaledOut);
            final PortObject[] appliedOut = ConfigurePromise.execute(apply, scaledOut[1], readOut[1]);
            assertSameColumns(applied, appliedOut);
            final PortObject[] learnedOut = ConfigurePromise.execute(learner, scaledOut[0]);
            assertSameColumns(learned, learnedOut);
            final PortObject[] predictedOut = ConfigurePromise.execute(predictor, learnedOut[0], appliedOut[0]);
            assertSameColumns(predicted, predictedOut);
            assertSameColumns(scored, ConfigurePromise.execute(scorer, predictedOut[0]));
            assertSameColumns(images, ConfigurePromise.execute(viewer, learnedOut[0]));
        }
    }

    /** Table outputs have the promised columns; a model's spec (a table spec) is the promised one. */
    private static void assertSameColumns(final PortObjectSpec[] promised, final PortObject[] out) {
        for (int i = 0; i < out.length; i++) {
            final PortObjectSpec actual = out[i] instanceof BufferedDataTable
                ? ((BufferedDataTable) out[i]).getDataTableSpec() : out[i].getSpec();
            if (actual instanceof DataTableSpec && promised[i] instanceof DataTableSpec) {
                assertThat(((DataTableSpec) actual).equalStructure((DataTableSpec) promised[i]))
                    .as("output %d: %s, promised %s", i, actual, promised[i]).isTrue();
            } else {
                assertThat(actual.getClass()).isEqualTo(promised[i].getClass());
            }
        }
    }

    private static HeadlessNode node(final org.knime.core.node.NodeFactory<? extends org.knime.core.node.NodeModel> factory,
        final String... keyValues) throws Exception {
        return NodeWithSettings.of(factory, keyValues);
    }
}
