package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed or hostile workflow files: exit 3 naming the file and the key, never a stack trace. */
class WorkflowFilesTest extends SmallWorkflowRunTest {

    private Path learnerSettings;

    @BeforeEach
    void findTheLearnersSettings() {
        learnerSettings = workflow.resolve("SAGA Logistic Regression Learner (#2)/settings.xml");
    }

    private static void edit(final Path file, final String from, final String to) throws Exception {
        final String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aNullFactoryIsALoadErrorNamingFileAndKey() throws Exception {
        edit(learnerSettings, "<entry key=\"factory\" type=\"xstring\" value=\"io.github.sparselr.knime.node.sagalearner"
            + ".SagaLearnerNodeFactory\"/>", "<entry key=\"factory\" type=\"xstring\" value=\"\" isnull=\"true\"/>");
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains(learnerSettings.toString()).contains("'factory'")
            .doesNotContain("Exception");
    }

    @Test
    void aMissingVersionIsALoadErrorNamingTheFile() throws Exception {
        edit(workflow.resolve("workflow.knime"), "<entry key=\"version\" type=\"xstring\" value=\"5.1.0\"/>", "");
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains(workflow.resolve("workflow.knime").toString()).contains("version");
    }

    @Test
    void aMissingOrNullSettingsFileIsALoadErrorNamingFileAndKey() throws Exception {
        final Path file = workflow.resolve("workflow.knime");
        edit(file, "<entry key=\"node_settings_file\" type=\"xstring\" value=\"SAGA Logistic Regression Learner (#2)/"
            + "settings.xml\"/>", "<entry key=\"node_settings_file\" type=\"xstring\" value=\"\" isnull=\"true\"/>");
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains(file.toString()).contains("node_settings_file")
            .doesNotContain("NullPointerException");
        edit(file, "<entry key=\"node_settings_file\" type=\"xstring\" value=\"\" isnull=\"true\"/>", "");
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("node_settings_file");
    }

    @Test
    void aDeeplyNestedFileIsALoadErrorNotAStackOverflow() throws Exception {
        final String deep = "<config key=\"c\">".repeat(6000) + "</config>".repeat(6000);
        edit(learnerSettings, "<config key=\"flow_stack\"/>", deep);
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains(learnerSettings.toString()).contains("nests its elements more than");
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsParsed() throws Exception {
        final String text = Files.readString(learnerSettings);
        Files.writeString(learnerSettings, text.replace("<config key=\"flow_stack\"/>",
            "<!--" + " ".repeat((int) WorkflowReader.MAX_FILE_BYTES) + "--><config key=\"flow_stack\"/>"));
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains(learnerSettings.toString()).contains("bytes");
    }

    @Test
    void aSettingsFileOutsideTheWorkflowFolderIsNeverRead() throws Exception {
        final Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(learnerSettings, other.resolve("settings.xml"));
        final Path file = workflow.resolve("workflow.knime");
        for (final String outside : new String[] {"../other/settings.xml", other.resolve("settings.xml").toString()}) {
            final String before = Files.readString(file);
            edit(file, "value=\"SAGA Logistic Regression Learner (#2)/settings.xml\"", "value=\"" + outside + "\"");
            assertThat(run()).as(outside).isEqualTo(3);
            assertThat(err.toString()).contains("leads out of the workflow folder");
            assertThat(out.toString()).doesNotContain("executed");
            Files.writeString(file, before);
        }
    }

    @Test
    void optionTypesAreExactlyKnimeBatchExecutors() throws Exception {
        for (final String type : new String[] {"integer", "Double", "string", "INT"}) {
            assertThat(run("-option=2,C,0.5," + type)).as(type).isEqualTo(2);
            assertThat(err.toString()).contains("unknown type '" + type + "'");
        }
        assertThat(run("-option=2,C,0.5,float")).as(err.toString()).isZero();
        assertThat(run("-option=2,max_iter,7,int", "-option=2,penalty,l2,String")).as(err.toString()).isZero();
        assertThat(run("-workflow.variable=data_path,x,string")).isEqualTo(2);
    }

    @Test
    void anUnknownSettingListsOnlyRealSettings() throws Exception {
        assertThat(run("-option=2,gamma,0.5,double")).isEqualTo(3);
        assertThat(err.toString()).contains("has no setting 'gamma'").contains("max_iter").doesNotContain("_Internals");
        assertThat(run("-option=2,C_Internals,0.5,double")).isEqualTo(3);
    }

    @Test
    void aSettingInsideAnInternalsConfigIsNoSetting() throws Exception {
        assertThat(workflow.resolve("OpenML Reader (#1)/settings.xml")).content().contains("source_Internals");
        assertThat(run("-option=1,source_Internals/EnabledStatus,false,boolean")).isEqualTo(3);
        assertThat(err.toString()).contains("has no setting 'source_Internals/EnabledStatus'")
            .contains("internal state");
    }

    @Test
    void aWorkflowVariableThatDoesNotParseAsItsTypeIsRefusedAndAnUnknownOneWarned() throws Exception {
        assertThat(run("-workflow.variable=data_source,local,int")).isEqualTo(2);
        assertThat(err.toString()).contains("-workflow.variable=data_source,local,int").contains("'local' is not an int");
        assertThat(run("-workflow.variable=data_path,x,double")).isEqualTo(2);
        assertThat(err.toString()).contains("'x' is not a double");
        assertThat(out.toString()).doesNotContain("executed");
        assertThat(run("-workflow.variable=data_source,local,String")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: the workflow variable 'data_source' is potentially unused")
            .contains("[data_path]");
    }

    /** Sets {@code key} of the entry {@code config} in workflow.knime (a node or a connection) to {@code value}. */
    private void setInWorkflowFile(final String config, final String key, final int value) throws Exception {
        final Path file = workflow.resolve("workflow.knime");
        final String text = Files.readString(file);
        final int start = text.indexOf("<config key=\"" + config + "\">");
        assertThat(start).as(config).isNotNegative();
        final int entry = text.indexOf("<entry key=\"" + key + "\" type=\"xint\" value=\"", start);
        final int valueStart = text.indexOf("value=\"", entry) + 7;
        Files.writeString(file, text.substring(0, valueStart) + value + text.substring(text.indexOf('"', valueStart)));
    }

    @Test
    void twoConnectionsIntoOneInputAreALoadError() throws Exception {
        // connection_2 joined the reader's test rows (port 2) to the predictor; now also into the learner's input
        setInWorkflowFile("connection_2", "destID", 2);
        setInWorkflowFile("connection_2", "destPort", 1);
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("input port 1 of SAGA Logistic Regression Learner (#2) has two connections")
            .contains("port 1 to SAGA Logistic Regression Learner (#2) port 1")
            .contains("port 2 to SAGA Logistic Regression Learner (#2) port 1");
        assertThat(out.toString()).doesNotContain("executed");
    }

    @Test
    void aConnectionToOrFromAPortTheNodeDoesNotHaveIsALoadError() throws Exception {
        setInWorkflowFile("connection_2", "destPort", 5);
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("ends at input port 5").contains("has input ports 1 to 2");
        writeWorkflow();
        setInWorkflowFile("connection_0", "sourcePort", 9);
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("starts at output port 9").contains("OpenML Reader (#1) has output ports");
        assertThat(out.toString()).doesNotContain("executed");
    }

    @Test
    void aNodeIdUsedTwiceIsALoadError() throws Exception {
        final Path file = workflow.resolve("workflow.knime");
        final String text = Files.readString(file);
        final int node5 = text.indexOf("<config key=\"node_5\">");
        final String id5 = "<entry key=\"id\" type=\"xint\" value=\"5\"/>";
        assertThat(text.indexOf(id5, node5)).isPositive();
        Files.writeString(file, text.substring(0, node5) + text.substring(node5).replaceFirst(id5,
            "<entry key=\"id\" type=\"xint\" value=\"1\"/>"));
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains("node id 1 is used twice (node_1, node_5)").doesNotContain("cycle");
    }
}
