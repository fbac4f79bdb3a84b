package io.github.sparselr.runner;

import io.github.sparselr.knime.node.coefimage.CoefficientImageNodeFactory;
import io.github.sparselr.knime.node.openmlreader.OpenMlReaderNodeFactory;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The runner tests' workflow: OpenML Reader on a small ARFF file of two classes (workflow variable
 * {@code data_path}) → SAGA learner (#2) → Predictor (#3) → Scorer (#4, quality gate) and Coefficient
 * Image Viewer (#5).
 */
final class SmallWorkflow {

    private SmallWorkflow() {
    }

    /** An ARFF file of {@code rows} rows, two numeric columns and two classes. */
    static Path arff(final Path file, final int rows) throws IOException {
        final StringBuilder text = new StringBuilder("@relation d\n@attribute x numeric\n@attribute y numeric\n"
            + "@attribute class {a,b}\n@data\n");
        final Random random = new Random(4);
        for (int i = 0; i < rows; i++) {
            final boolean b = i % 2 == 0;
            text.append(random.nextGaussian() + (b ? 2 : -2)).append(',').append(random.nextGaussian()).append(',')
                .append(b ? "b" : "a").append('\n');
        }
        Files.writeString(file, text);
        return file;
    }

    /** Writes the workflow into {@code dir/wf} reading {@code data}, {@code trainRows} and {@code testRows} of it. */
    static Path write(final Path dir, final Path data, final int trainRows, final int testRows) throws IOException {
        return write(dir, data, trainRows, testRows, w -> { });
    }

    /** As {@link #write(Path, Path, int, int)}, with {@code extra} adding nodes or connections. */
    static Path write(final Path dir, final Path data, final int trainRows, final int testRows,
        final Consumer<WorkflowWriter> extra) throws IOException {
        final Path workflow = dir.resolve("wf");
        final WorkflowWriter writer = new WorkflowWriter()
            .variable("data_path", "STRING", data.toString())
            .node(1, "OpenML Reader", new OpenMlReaderNodeFactory(), 0, 0, s -> {
                s.addString("source", "local");
                s.addInt("train_rows", trainRows);
                s.addInt("test_rows", testRows);
            })
            .bind(1, "local_path", "data_path")
            .node(2, "Learner", new SagaLearnerNodeFactory(), 0, 0, s -> s.addDouble("C", 1.0))
            .node(3, "Predictor", new LogRegPredictorNodeFactory(), 0, 0, s -> { })
            .node(4, "Scorer", new ScorerNodeFactory(), 0, 0, WorkflowGate.GATE)
            .node(5, "Viewer", new CoefficientImageNodeFactory(), 0, 0, s -> {
                s.addInt("image_width", 2);
                s.addInt("image_height", 1);
            })
            .connect(1, 0, 2, 0).connect(2, 0, 3, 0).connect(1, 1, 3, 1).connect(3, 0, 4, 0).connect(2, 0, 5, 0);
        extra.accept(writer);
        writer.write(workflow);
        return workflow;
    }

    /** The default: 80 rows, 50 for training and 30 for testing. */
    static Path write(final Path dir) throws IOException {
        return write(dir, arff(dir.resolve("data.arff"), 80), 50, 30);
    }
}
