package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, mistakes in flags, paths, time and memory. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(final String... args) {
        return SparselrCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theHelpListsBothCommands() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("mnist").contains("run");
    }

    @Test
    void mnistHelpDescribesTheStudy() {
        assertThat(execute("mnist", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: sparselr mnist").contains("MNIST study").contains("--out")
            .doesNotContain("-workflowDir");
    }

    @Test
    void aMissingValueOrAMisspeltOptionIsNamed() {
        assertThat(execute("mnist", "--out")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
        for (final String wrong : new String[] {"-workflowdir=x", "--workflowDir=x"}) {
            assertThat(execute("run", wrong)).as(wrong).isEqualTo(2);
            assertThat(err.toString()).contains("Unknown option: '" + wrong + "'").contains("-workflowDir");
        }
        assertThat(execute("run")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing -workflowDir=DIR");
    }

    @Test
    void theHelpsOptionExampleWorksOnBothShippedWorkflows() throws Exception {
        assertThat(execute("run", "--help")).isZero();
        final Matcher example = Pattern.compile("e\\.g\\. -option=([^ )]+)").matcher(out.toString().replaceAll("\\s+", " "));
        assertThat(example.find()).as(out.toString()).isTrue();
        final String[] parts = example.group(1).split(",");
        for (final String workflow : List.of(TestWorkflows.STUDY, TestWorkflows.L1_VS_L2)) {
            // loading applies the option: an unknown node or setting would be a WorkflowLoadException
            new WorkflowExecutor(WorkflowReader.read(Path.of("..", "test-workflows", workflow)),
                List.of(new WorkflowExecutor.Option(Integer.parseInt(parts[0]), parts[1], parts[2], parts[3])),
                Map.of("data_source", "local", "mnist_folder", dir.toString()));
        }
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectoryAndMessagesShowThemWhole() {
        assertThat(execute("run", "-workflowDir=no-such-workflow")).isEqualTo(3);
        assertThat(err.toString()).contains(Path.of("no-such-workflow").toAbsolutePath().toString());
    }

    @Test
    void runningOutOfMemorySaysHowToGiveTheRunnerMore() {
        assertThat(WorkflowExecutor.messageOf(new OutOfMemoryError("Java heap space")))
            .startsWith("Java heap space").contains("SPARSELR_HEAP=");
    }

    @Test
    void theTimeCountsFromTheCommandsStart() throws Exception {
        final Path workflow = SmallWorkflow.write(dir);
        final int code = SparselrCli.execute(new String[] {"run", "-workflowDir=" + workflow},
            new PrintWriter(out, true), new PrintWriter(err, true), Instant.now().minusSeconds(30));
        assertThat(code).as(err.toString()).isZero();
        final Matcher time = Pattern.compile("Example run in ([0-9.]+) s").matcher(out.toString());
        assertThat(time.find()).isTrue();
        assertThat(Double.parseDouble(time.group(1))).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theCommandStartsWhenTheLauncherSaysItStarted() {
        final Instant launcher = Instant.now().minusSeconds(70);
        System.setProperty(SparselrCli.STARTED_PROPERTY,
            Long.toString(launcher.getEpochSecond() * 1_000_000_000L + launcher.getNano()));
        try {
            assertThat(SparselrCli.commandStart()).isEqualTo(launcher);
        } finally {
            System.clearProperty(SparselrCli.STARTED_PROPERTY);
        }
        assertThat(SparselrCli.commandStart()).isAfter(launcher);
    }

    @Test
    void bigTablesAreWrittenOnlyWhenAsked() throws Exception {
        // 40000 training rows of three columns: 120000 cells, above the small-table limit
        final Path workflow = SmallWorkflow.write(dir, SmallWorkflow.arff(dir.resolve("big.arff"), 40_100), 40_000, 100);
        final Path target = dir.resolve("out");
        assertThat(execute("run", "-workflowDir=" + workflow, "--out", target.toString())).as(err.toString()).isZero();
        assertThat(target.resolve("OpenML Reader (#1)/port_1.csv")).doesNotExist();
        assertThat(target.resolve("OpenML Reader (#1)/port_2.csv")).isRegularFile();
        assertThat(target.resolve("SAGA Logistic Regression Learner (#2)/port_2.csv")).isRegularFile();
        final JsonNode reader = new ObjectMapper().readTree(target.resolve("report.json").toFile()).get("nodes").get(0);
        assertThat(reader.get("ports").get(0).get("rows").asInt()).isEqualTo(40_000);
        assertThat(reader.get("ports").get(0).get("file").isNull()).isTrue();
        assertThat(execute("run", "-workflowDir=" + workflow, "--out", target.toString(), "--all-tables")).isZero();
        assertThat(Files.readAllLines(target.resolve("OpenML Reader (#1)/port_1.csv"))).hasSize(40_001);
    }
}
