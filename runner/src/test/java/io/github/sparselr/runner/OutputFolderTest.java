package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code --out}: sparselr replaces only its own earlier output, and never loses a good one. */
class OutputFolderTest extends SmallWorkflowRunTest {

    private List<String> hiddenSiblings() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void refusesAFolderHoldingFilesSparselrDidNotWriteBeforeRunningAnything() throws Exception {
        final Path thesis = Files.createDirectories(dir.resolve("work")).resolve("thesis.txt");
        Files.writeString(thesis, "three years");
        assertThat(run("--out", dir.resolve("work").toString())).isEqualTo(2);
        assertThat(thesis).hasContent("three years");
        assertThat(err.toString()).contains(dir.resolve("work").toString()).contains("thesis.txt")
            .contains("did not write").contains("new or empty folder");
        assertThat(out.toString()).doesNotContain("executed");
        assertThat(hiddenSiblings()).isEmpty();
    }

    @Test
    void refusesARegularFile() throws Exception {
        final Path notes = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThat(run("--out", notes.toString())).isEqualTo(2);
        assertThat(notes).isRegularFile().hasContent("keep me");
        assertThat(err.toString()).contains("is a file");
    }

    @Test
    void refusesTheWorkflowFolderItsParentsAndItsInside() throws Exception {
        for (final Path refused : List.of(workflow, dir, workflow.resolve("Learner (#2)"), workflow.resolve("x/../"))) {
            assertThat(run("--out", refused.toString())).as(refused.toString()).isEqualTo(2);
            assertThat(workflow.resolve("workflow.knime")).isRegularFile();
        }
        assertThat(err.toString()).contains("never writes");
        assertThat(dir.resolve("data.arff")).isRegularFile();
    }

    @Test
    void replacesItsOwnEarlierOutputAndAnEmptyFolder() throws Exception {
        final Path target = Files.createDirectory(dir.resolve("out"));
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
        assertThat(target.resolve(OutputFolder.MARKER)).isRegularFile();
        assertThat(run("-option=2,penalty,l2,String", "--out", target.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(target.resolve("report.json"))).contains("\"penalty\" : \"l2\"");
        assertThat(hiddenSiblings()).isEmpty();
    }

    @Test
    void replacesAnOutputOfSparselrFromBeforeTheMarker() throws Exception {
        // what sparselr wrote before it wrote .sparselr-output: node folders with port files and report.json
        final Path target = Files.createDirectories(dir.resolve("out/OpenML Reader (#1)"));
        Files.writeString(target.resolve("port_1.csv"), "RowID,x\n");
        Files.writeString(target.getParent().resolve("report.json"),
            "{\"workflow\" : \"wf\", \"succeeded\" : true, \"seconds\" : 1.0, \"nodes\" : [ ]}");
        assertThat(run("--out", dir.resolve("out").toString())).as(err.toString()).isZero();
        assertThat(dir.resolve("out").resolve(OutputFolder.MARKER)).isRegularFile();
        // the same with one file of the user's is not sparselr's
        Files.delete(dir.resolve("out").resolve(OutputFolder.MARKER));
        Files.writeString(dir.resolve("out/thesis.txt"), "mine");
        assertThat(run("--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(dir.resolve("out/thesis.txt")).hasContent("mine");
    }

    @Test
    void refusesAnEarlierOutputThatNowHoldsAUsersFile() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        final Path notes = Files.writeString(
            target.resolve("SAGA Logistic Regression Learner (#2)/my notes.txt"), "mine");
        assertThat(run("--out", target.toString())).isEqualTo(2);
        assertThat(notes).hasContent("mine");
        assertThat(err.toString()).contains("my notes.txt").contains("move it away");
    }

    @Test
    void theNextRunRemovesLeftoversOfAKilledRunThatCarryTheMarker() throws Exception {
        final Path part = Files.createDirectory(dir.resolve(".out.part-1"));
        Files.writeString(part.resolve(OutputFolder.MARKER), "{\"written_by\":\"sparselr\",\"files\":[]}");
        Files.writeString(part.resolve("report.json"), "{");
        final Path old = Files.createDirectory(dir.resolve(".out.old-2"));
        Files.writeString(old.resolve(OutputFolder.MARKER), "{\"written_by\":\"sparselr\",\"files\":[]}");
        final Path foreign = Files.createDirectory(dir.resolve(".out.part-mine"));
        Files.writeString(foreign.resolve("mine.txt"), "not sparselr's");
        assertThat(run("--out", dir.resolve("out").toString())).as(err.toString()).isZero();
        assertThat(part).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(foreign.resolve("mine.txt")).hasContent("not sparselr's");
    }

    @Test
    void aRunWhileAnotherWritesTheFolderFailsCleanly() throws Exception {
        final Path target = dir.resolve("out");
        try (OutputFolder other = OutputFolder.claim(target, workflow)) {
            assertThat(run("--out", target.toString())).isEqualTo(2);
            assertThat(err.toString()).contains("Another sparselr run is writing").contains(target.toString());
            assertThat(out.toString()).doesNotContain("executed");
            assertThat(hiddenSiblings()).containsExactly(".out.lock"); // the other run's
        }
        assertThat(hiddenSiblings()).isEmpty();
        assertThat(run("--out", target.toString())).isZero();
    }

    @Test
    void aRunWhileAnotherProcessWritesTheFolderFailsCleanly() throws Exception {
        final Path target = dir.resolve("out");
        final Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), target.toString(),
            workflow.toString()).redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
            assertThat(lines.readLine()).isEqualTo("held");
            assertThat(run("--out", target.toString())).as(out.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("Another sparselr run is writing");
            assertThat(hiddenSiblings()).containsExactly(".out.lock");
            other.getOutputStream().close();
            assertThat(other.waitFor()).isZero();
        } finally {
            other.destroy();
        }
        assertThat(hiddenSiblings()).isEmpty();
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
    }

    @Test
    void twoRunsAtOnceLeaveOneCompleteOutputAndNoDebris() throws Exception {
        final Path target = dir.resolve("out");
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            final List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                codes.add(pool.submit(() -> SparselrCli.execute(new String[] {"run", "-workflowDir=" + workflow,
                    "--out", target.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))));
            }
            for (final Future<Integer> code : codes) {
                assertThat(code.get()).isIn(0, 2);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(hiddenSiblings()).isEmpty();
        assertThat(new ObjectMapper().readTree(target.resolve("report.json").toFile()).get("succeeded").asBoolean())
            .isTrue();
    }

    @Test
    void theNewFolderHasThePermissionsTheUmaskGives() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        final Path plain = Files.createDirectory(dir.resolve("plain"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
            .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void nodeNamesFromTheWorkflowFileStayInsideTheOutputFolder() throws Exception {
        final Path settings = workflow.resolve("SAGA Logistic Regression Learner (#2)/settings.xml");
        Files.writeString(settings, Files.readString(settings).replace("value=\"SAGA Logistic Regression Learner\"",
            "value=\"../../escaped\""));
        final Path viewer = workflow.resolve("Coefficient Image Viewer (#5)/settings.xml");
        Files.writeString(viewer, Files.readString(viewer).replace("value=\"Coefficient Image Viewer\"",
            "value=\"" + dir.resolve("absolute") + "\""));
        final Path target = dir.resolve("a/b/out");
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
        assertThat(dir.resolve("escaped (#2)")).doesNotExist();
        assertThat(dir.resolve("a/escaped (#2)")).doesNotExist();
        assertThat(dir.resolve("absolute (#5)")).doesNotExist();
        final JsonNode nodes = new ObjectMapper().readTree(target.resolve("report.json").toFile()).get("nodes");
        for (final JsonNode node : nodes) {
            assertThat(node.get("folder").asText()).doesNotContain("/").doesNotStartWith(".");
            assertThat(target.resolve(node.get("folder").asText())).isDirectory();
        }
        assertThat(out.toString()).contains("Coefficient image: " + target);
    }
}
