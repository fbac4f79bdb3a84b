package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sparselr.knime.node.coefimage.CoefficientImageNodeFactory;
import io.github.sparselr.knime.node.logregpath.LogRegPathNodeFactory;
import io.github.sparselr.knime.node.openmlreader.OpenMlReaderNodeFactory;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI on a small workflow: success with --out, and every bad input with KNIME's exit codes. */
class SparselrCliTest extends SmallWorkflowRunTest {

    @Test
    void runsAndWritesTablesImagesAndAReport() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("-reset", "-nosave", "--out", target.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sparsity with L1 penalty: ").contains("Test score with L1 penalty: ")
            .contains("Example run in ")
            .contains("Image of Coefficient Image Viewer (#5), port 1 \"Coefficient images\": " + target.resolve("Coefficient Image Viewer (#5)/port_1.png"));
        assertThat(target.resolve("OpenML Reader (#1)/port_1.csv")).isRegularFile();
        assertThat(Files.readAllLines(target.resolve("OpenML Reader (#1)/port_1.csv")).get(0)).isEqualTo("RowID,x,y,class");
        assertThat(target.resolve("Coefficient Image Viewer (#5)/port_1.png")).isRegularFile();
        final JsonNode report = new ObjectMapper().readTree(target.resolve("report.json").toFile());
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("nodes")).hasSize(5);
        final JsonNode learner = report.get("nodes").get(1).get("flow_variables");
        assertThat(learner.get("n_iter").asInt()).isPositive();
        assertThat(learner.get("penalty").asText()).isEqualTo("l1");
        // two classes fit one binary model, which always runs the scalar loops
        assertThat(learner.get("simd_lanes").asText()).isEqualTo("false");
        assertThat(report.get("nodes").get(0).get("ports").get(0).get("rows").asInt()).isEqualTo(50);
        for (final JsonNode node : report.get("nodes")) {
            if (node.get("id").asInt() == 4) {
                assertThat(node.get("flow_variables").get("Accuracy").asDouble()).isBetween(0.8, 1.0);
            }
        }
    }

    @Test
    void namesEveryImageWithItsNodeAndPort() throws Exception {
        // two nodes with an image output each: the Coefficient Image Viewer, and the path node's plot at port 3
        workflow = SmallWorkflow.write(dir.resolve("two-images"), SmallWorkflow.arff(dir.resolve("two.arff"), 80), 50,
            30, w -> w.node(6, "Path", new LogRegPathNodeFactory(), 0, 0, s -> s.addInt("Cs", 3)).connect(1, 0, 6, 0));
        final Path target = dir.resolve("out-images");
        assertThat(run("--out", target.toString())).as(err.toString()).isZero();
        final List<String> images = out.toString().lines().filter(l -> l.startsWith("Image of ")).toList();
        assertThat(images).containsExactlyInAnyOrder(
            "Image of Coefficient Image Viewer (#5), port 1 \"Coefficient images\": " + target.resolve("Coefficient Image Viewer (#5)/port_1.png"),
            "Image of Logistic Regression Path (#6), port 3 \"Trade-off plot\": "
                + target.resolve("Logistic Regression Path (#6)/port_3.png"));
        assertThat(out.toString()).doesNotContain("Coefficient image:");
    }

    @Test
    void anImagePortWithoutANameIsNamedByItsNumber() {
        final Path folder = Path.of("out");
        assertThat(StudyLines.imageLine(new RunOutput.Image("Plot (#3)", 2, null, Path.of("Plot (#3)/port_2.png")),
            folder)).isEqualTo("Image of Plot (#3), port 2: " + folder.resolve("Plot (#3)/port_2.png"));
    }

    @Test
    void theReportSaysWhetherAMultinomialFitRanTheLanes() throws Exception {
        // three classes: the lanes run if this JVM has them (the build's test JVMs resolve the module)
        final Path three = dir.resolve("three.arff");
        final StringBuilder text = new StringBuilder("@relation d\n@attribute x numeric\n@attribute y numeric\n"
            + "@attribute class {a,b,c}\n@data\n");
        final java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 80; i++) {
            final int c = i % 3;
            text.append(random.nextGaussian() + 3 * c).append(',').append(random.nextGaussian()).append(',')
                .append((char) ('a' + c)).append('\n');
        }
        Files.writeString(three, text);
        final Path target = dir.resolve("out3");
        assertThat(run("-workflow.variable=data_path," + three + ",String", "--out", target.toString()))
            .as(err.toString()).isZero();
        final JsonNode learner = new ObjectMapper().readTree(target.resolve("report.json").toFile())
            .get("nodes").get(1).get("flow_variables");
        assertThat(learner.get("simd_lanes").asText())
            .isEqualTo(Boolean.toString(new SagaSolver(SagaParameters.mnistStudy()).usesVectorLanes()));
    }

    @Test
    void optionsAndVariablesOverrideSettings() throws Exception {
        assertThat(run("-option=2,penalty,l2,String", "-option=2,C,0.5,double", "--out", dir.resolve("o").toString()))
            .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sparsity with L2 penalty: 0.00%");
        final Path missing = dir.resolve("nothing-here.arff");
        assertThat(run("-workflow.variable=data_path," + missing + ",String")).isEqualTo(4);
        assertThat(err.toString()).contains("OpenML Reader (#1)").contains("nothing-here.arff");
    }

    @Test
    void badArgumentsExitWith2() {
        assertThat(run("-option=2,C,0.5")).isEqualTo(2);
        assertThat(err.toString()).contains("-option takes nodeID,key,value,type");
        assertThat(run("-workflow.variable=x,1,float")).isEqualTo(2);
        assertThat(SparselrCli.execute(new String[] {"run"}, new PrintWriter(out), new PrintWriter(err))).isEqualTo(2);
    }

    @Test
    void loadErrorsExitWith3AndNameTheNode() throws Exception {
        assertThat(run("-option=9,C,0.5,double")).isEqualTo(3);
        assertThat(err.toString()).contains("node #9");
        assertThat(run("-option=2,gamma,0.5,double")).isEqualTo(3);
        assertThat(err.toString()).contains("SAGA Logistic Regression Learner (#2) has no setting 'gamma'");
        assertThat(run("-option=2,C,high,double")).isEqualTo(3);
        assertThat(err.toString()).contains("'high' is not a valid double");
        assertThat(run("-option=2,C,1,String")).isEqualTo(3);
        assertThat(err.toString()).contains("is not of type String");

        final Path scorerSettings = workflow.resolve("Scorer _sparselr_ (#4)/settings.xml");
        Files.writeString(scorerSettings, Files.readString(scorerSettings)
            .replace("io.github.sparselr.knime.node.scorer.ScorerNodeFactory", "com.example.NoSuchNodeFactory"));
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("Scorer (sparselr) (#4)").contains("unknown node factory 'com.example.NoSuchNodeFactory'");

        OutputFolder.deleteRecursively(workflow.resolve("Scorer _sparselr_ (#4)"));
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("Node #4").contains("is missing");
    }

    @Test
    void aCycleAndAnUnconnectedInputAreLoadErrors() throws Exception {
        final Path cyclic = dir.resolve("cyclic");
        new WorkflowWriter()
            .node(1, "Predictor", new LogRegPredictorNodeFactory(), 0, 0, s -> { })
            .node(2, "Viewer", new CoefficientImageNodeFactory(), 0, 0, s -> { })
            .connect(1, 0, 2, 0).connect(2, 1, 1, 1).connect(2, 0, 1, 0)
            .write(cyclic);
        workflow = cyclic;
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("cycle");
        final Path lonely = dir.resolve("lonely");
        new WorkflowWriter().node(1, "Scorer", new ScorerNodeFactory(), 0, 0, s -> { }).write(lonely);
        workflow = lonely;
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("Input 1 of node Scorer (sparselr) (#1) is not connected");
    }

    @Test
    void aFailedRunKeepsTheGoodOutputAndWritesItsReportBeside() throws Exception {
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isZero();
        final String before = Files.readString(target.resolve("report.json"));
        // the quality gate trips: an accuracy of at least 0.99999 is required
        assertThat(run("-option=4,min_accuracy,0.99999,double", "-option=2,C,0.0001,double", "--out",
            target.toString())).isEqualTo(4);
        assertThat(err.toString()).contains("Scorer (sparselr) (#4) failed").contains("quality gate")
            .contains("report.json are in " + dir.resolve("out.failed"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part-") || n.contains(".old-"));
        }
        assertThat(Files.readString(target.resolve("report.json"))).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("out.failed/report.json"))).contains("\"succeeded\" : false");
    }

    @Test
    void aNodeThrowingAnErrorFailsThatNodeWithOneLine() throws Exception {
        workflow = SmallWorkflow.write(dir, dir.resolve("data.arff"), 50, 30,
            w -> w.node(6, "Thrower", new ErrorThrowingNodeFactory(), 0, 0, s -> { }).connect(1, 0, 6, 0));
        final Path target = dir.resolve("out");
        assertThat(run("--out", target.toString())).isEqualTo(4);
        assertThat(err.toString()).contains("(#6) failed: Malformed input or input contains unmappable characters: "
            + "/tmp/\u00fc/data").doesNotContain("\tat ");
        assertThat(err.toString().lines().count()).isLessThanOrEqualTo(3);
        assertThat(Files.readString(dir.resolve("out.failed/report.json"))).contains("\"status\" : \"FAILED\"");
    }
}
