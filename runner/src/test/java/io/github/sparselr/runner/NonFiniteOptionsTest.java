package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch run's {@code -option} cannot set a double setting to NaN or ±∞: the node refuses it when the
 * workflow loads (exit 3, KNIME's load error), naming the node and the key. Before, NaN in min_accuracy
 * turned the quality gate off and a bad model passed with exit 0.
 */
class NonFiniteOptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "-option=#{0},{1},{2},double")
    @CsvSource({"2,min_accuracy,NaN", "2,min_accuracy,-Infinity", "1,C,NaN", "1,tol,NaN", "1,C,1e400",
        "1,l1_ratio,NaN"})
    void aNonFiniteDoubleOptionIsALoadErrorNamingTheKey(final int node, final String key, final String value)
        throws Exception {
        final Path workflow = dir.resolve("wf");
        new WorkflowWriter()
            .node(1, "Learner", new SagaLearnerNodeFactory(), 0, 0, s -> { })
            .node(2, "Scorer", new ScorerNodeFactory(), 0, 0, WorkflowGate.GATE)
            .write(workflow);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = SparselrCli.execute(new String[] {"run", "-workflowDir=" + workflow,
            "-option=" + node + "," + key + "," + value + ",double"}, new PrintWriter(out, true),
            new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("(#" + node + ") rejects its settings: Setting '" + key + "' is ")
            .contains("give a finite number");
    }
}
