package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void refusesACopyOfAnEarlierOutputWithoutTheMarker() throws Exception {
        // cp -r out/* keep/ skips the marker: what remains looks like an output, but is the user's copy
        final Path target = Files.createDirectories(dir.resolve("keep/OpenML Reader (#1)"));
        Files.writeString(target.resolve("port_1.csv"), "RowID,x\n");
        Files.writeString(target.getParent().resolve("report.json"),
            "{\"workflow\" : \"wf\", \"succeeded\" : true, \"seconds\" : 1.0, \"nodes\" : [ ]}");
        assertThat(run("--out", dir.resolve("keep").toString())).isEqualTo(2);
        assertThat(target.resolve("port_1.csv")).hasContent("RowID,x\n");
        assertThat(err.toString()).contains("did not write").contains("remove it by hand");
        assertThat(out.toString()).doesNotContain("executed");
        // an older sparselr's marker listed names only: whether a file changed cannot be told
        Files.writeString(dir.resolve("keep").resolve(OutputFolder.MARKER),
            "{\"written_by\":\"sparselr\",\"complete\":true,\"files\":[\"OpenML Reader (#1)\","
                + "\"OpenML Reader (#1)/port_1.csv\",\"report.json\"]}");
        assertThat(run("--out", dir.resolve("keep").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("an output of an older sparselr").contains("Remove it by hand");
        assertThat(target.resolve("port_1.csv")).hasContent("RowID,x\n");
    }

    @Test
    void refusesAnEarlierOutputWhoseFileTheUserChanged() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        final Path report = target.resolve("report.json");
        final String edited = Files.readString(report).replace("\"succeeded\" : true", "\"succeeded\" : ture");
        assertThat(edited).isNotEqualTo(Files.readString(report)).hasSameSizeAs(Files.readString(report));
        Files.writeString(report, edited); // same size: only the hash tells
        assertThat(run("--out", target.toString())).isEqualTo(2);
        assertThat(report).hasContent(edited);
        assertThat(err.toString()).contains("'report.json' changed since sparselr wrote it");
    }

    @Test
    void theLockFileNeverFollowsALinkNorTouchesAUsersFile() throws Exception {
        final Path thesis = Files.writeString(dir.resolve("thesis.txt"), "three years");
        final Path lock = dir.resolve(".out.lock");
        Files.createSymbolicLink(lock, thesis.getFileName());
        assertThat(run("--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(thesis).hasContent("three years");
        assertThat(lock).isSymbolicLink();
        assertThat(err.toString()).contains(lock.toString()).contains("not a lock file of sparselr");
        Files.delete(lock);
        Files.writeString(lock, "my notes");
        assertThat(run("--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(lock).hasContent("my notes");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aLockFileLeftByAKilledRunIsTakenOverAndRemoved() throws Exception {
        Files.writeString(dir.resolve(".out.lock"), "sparselr run, process 999999\n");
        assertThat(run("--out", dir.resolve("out").toString())).as(err.toString()).isZero();
        assertThat(hiddenSiblings()).isEmpty();
    }

    @Test
    void keepsTheModeOfTheFolderItReplaces() throws Exception {
        final Path target = Files.createDirectory(dir.resolve("priv"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwx------");
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwx------");
    }

    @Test
    void refusesTheCurrentDirectoryAndItsParents() throws Exception {
        final Path here = Path.of("").toAbsolutePath();
        for (final Path refused : List.of(Path.of("."), here, here.getParent())) {
            assertThat(run("--out", refused.toString())).as(refused.toString()).isEqualTo(2);
        }
        assertThat(err.toString()).contains("current directory");
        assertThat(out.toString()).doesNotContain("executed");
    }

    @Test
    void restoresTheOutputAKilledRunLeftBetweenTheTwoRenamesOfItsSwap() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        final String good = Files.readString(target.resolve("report.json"));
        // killed after moving the old output aside, before moving the new one in; the new one incomplete
        Files.move(target, dir.resolve(".out.old-1"));
        Files.createDirectory(dir.resolve(".out.part-2"));
        Files.writeString(dir.resolve(".out.part-2").resolve(OutputFolder.MARKER),
            "{\"written_by\":\"sparselr\",\"complete\":false,\"files\":{}}");
        final List<String> notes = new ArrayList<>();
        try (OutputFolder folder = OutputFolder.claim(target, workflow, notes)) {
            assertThat(target.resolve("report.json")).hasContent(good);
            assertThat(notes).singleElement().asString().contains("restored " + target).contains(".out.old-1");
            assertThat(hiddenSiblings()).containsExactly(".out.lock");
        }
        // the new one complete: it is preferred
        assertThat(run("-option=2,penalty,l2,String", "--out", dir.resolve("new").toString())).isZero();
        Files.move(target, dir.resolve(".out.old-3"));
        Files.move(dir.resolve("new"), dir.resolve(".out.part-4"));
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("restored " + target + " from .out.part-4");
        assertThat(hiddenSiblings()).isEmpty();
    }

    @Test
    void refusesAUsersFolderNamedLikeTheFailedOutputBeforeRunning() throws Exception {
        final Path failed = Files.createDirectory(dir.resolve("out.failed"));
        Files.writeString(failed.resolve("thesis.txt"), "mine");
        assertThat(run("--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(failed.toString()).contains("thesis.txt");
        assertThat(out.toString()).doesNotContain("executed");
        assertThat(failed.resolve("thesis.txt")).hasContent("mine");
    }

    @Test
    void keepsTheFinishedOutputsWhenTheFolderChangedDuringTheRun() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        try (OutputFolder folder = OutputFolder.claim(target, workflow)) {
            Files.writeString(target.resolve("added meanwhile.txt"), "mine");
            assertThatThrownBy(() -> folder.publish(target, f -> Files.writeString(f.resolve("report.json"), "new")))
                .isInstanceOf(OutputFolder.RefusedException.class).hasMessageContaining("added meanwhile.txt")
                .hasMessageContaining("kept in " + dir.resolve("out.new-1"));
        }
        assertThat(target.resolve("added meanwhile.txt")).hasContent("mine");
        assertThat(dir.resolve("out.new-1/report.json")).hasContent("new");
    }

    @Test
    void aLongNodeNameIsCutToTheBytesAFileNameHolds() throws Exception {
        final Path settings = workflow.resolve("SAGA Logistic Regression Learner (#2)/settings.xml");
        Files.writeString(settings, Files.readString(settings).replace("value=\"SAGA Logistic Regression Learner\"",
            "value=\"" + "日".repeat(100) + "\""));
        assertThat(run("--out", dir.resolve("out").toString())).as(err.toString()).isZero();
        final String folder = RunOutput.folderName(new WorkflowDefinition.Node(2, "", "", "日".repeat(100), null,
            java.util.Map.of()));
        assertThat(folder.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(folder).startsWith("日".repeat(83)).endsWith(" (#2)");
        assertThat(dir.resolve("out").resolve(folder)).isDirectory();
    }

    @Test
    void refusesAFolderInsideAnEarlierOutputAndAFileInThePath() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        assertThat(run("--out", target.resolve("SAGA Logistic Regression Learner (#2)/nested").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("inside an earlier sparselr output, " + target);
        final Path file = Files.writeString(dir.resolve("afile"), "x");
        assertThat(run("--out", file.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + " is a file, not a folder").doesNotContain("Exception");
        assertThat(file).hasContent("x");
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
        assertThat(out.toString()).contains("Image of " + dir.resolve("absolute") + " (#5), port 1 \"Coefficient images\": "
            + target);
    }
}
