package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.Mnist;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workflow in test-workflows/ headlessly on the full MNIST data (70000 digits from
 * -Dmnist.dir, or else fetched once by scripts/get-mnist.sh) through the command line, as CI and the README do.
 * A failing node or a tripped quality gate fails the build.
 */
class WorkflowsOnMnistIT {

    private static Path mnist;

    @BeforeAll
    static void findMnist() throws Exception {
        mnist = MnistFolder.find();
        assertThat(mnist.resolve("train-images-idx3-ubyte")).isRegularFile();
    }

    private static String run(final String workflow) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = SparselrCli.execute(new String[] {"run",
            "-workflowDir=" + Path.of("..", "test-workflows", workflow), "-reset", "-nosave",
            "-workflow.variable=data_source,local,String", "-workflow.variable=mnist_folder," + mnist + ",String"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("exit code of " + workflow + "; stderr: " + err).isZero();
        return out.toString();
    }

    /** The README's main job, {@code ./sparselr mnist --out DIR}, as the launcher calls the runner. */
    private static String mnist(final Path outDir) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        System.setProperty(SparselrCli.HOME_PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
        System.setProperty(SparselrCli.MNIST_PROPERTY, mnist.toString());
        try {
            final int code = SparselrCli.execute(new String[] {"mnist", "--out", outDir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as("exit code of mnist; stderr: " + err).isZero();
        } finally {
            System.clearProperty(SparselrCli.HOME_PROPERTY);
            System.clearProperty(SparselrCli.MNIST_PROPERTY);
        }
        return out.toString();
    }

    @Test
    void theStudyPrintsTheEnginesNumbersWhichAreScikitLearns(@TempDir final Path outputs) throws Exception {
        final Path outDir = outputs.resolve("study");
        final String output = mnist(outDir);
        assertThat(outDir.resolve("Coefficient Image Viewer (#7)/port_1.png")).isRegularFile();
        assertThat(output).contains("Coefficient image: " + outDir.resolve("Coefficient Image Viewer (#7)/port_1.png"));
        // the data tables (5000 and 10000 rows of 785 columns) are left out without --all-tables
        assertThat(outDir.resolve("OpenML Reader (#1)/port_1.csv")).doesNotExist();
        assertThat(outDir.resolve("SAGA Logistic Regression Learner (#4)/port_2.csv")).isRegularFile();

        // the same study, engine only
        final DenseDataset all = Mnist.readFolder(mnist);
        final TrainTestSplit split = TrainTestSplit.of(all, 0, 0, 5000, 10000);
        final ScalerModel scaler = StandardScaler.centeringAndScaling()
            .fit(split.train().values(), 5000, split.train().columnNames());
        final LogisticModel model = new SagaSolver(SagaParameters.mnistStudy())
            .fit(split.train().withValues(scaler.transform(split.train().values(), 5000)));
        final double score = model.score(split.test().withValues(scaler.transform(split.test().values(), 10000)));
        final String sparsity = String.format(Locale.ROOT, "Sparsity with L1 penalty: %.2f%%", 100 * model.sparsity());
        final String test = String.format(Locale.ROOT, "Test score with L1 penalty: %.4f", score);
        assertThat(output).contains(sparsity).contains(test).containsPattern("Example run in \\d+\\.\\d{3} s");
        // scikit-learn 1.2.1 on the same rows (scripts/bench-saga.sh prints both sides): 79.55% and 0.8305
        assertThat(sparsity).endsWith("79.55%");
        assertThat(test).endsWith("0.8305");
    }

    @Test
    void l1AgainstL2RunsBothBranchesAndPassesBothGates() {
        final String output = run(TestWorkflows.L1_VS_L2);
        // L2 zeroes only the weights of pixels that are blank in every training digit (they stay 0)
        final double l1 = number(output, "Sparsity with L1 penalty: ([0-9.]+)%");
        final double l2 = number(output, "Sparsity with L2 penalty: ([0-9.]+)%");
        assertThat(l1).isEqualTo(79.55);
        assertThat(l2).isPositive().isLessThan(l1 / 3);
        assertThat(number(output, "Test score with L1 penalty: ([0-9.]+)")).isEqualTo(0.8305);
        assertThat(number(output, "Test score with L2 penalty: ([0-9.]+)")).isGreaterThanOrEqualTo(0.8);
    }

    private static double number(final String text, final String pattern) {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in the output").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyCommittedWorkflowIsCoveredHere() throws Exception {
        try (var dirs = Files.list(Path.of("..", "test-workflows"))) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactlyInAnyOrder(TestWorkflows.STUDY, TestWorkflows.L1_VS_L2);
        }
    }
}
