package io.github.sparselr.openml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Coverage-guided fuzzing of the OpenML JSON parsing (Jazzer): every input, as the dataset list, a
 * description, a feature list and the qualities, either gives a value that keeps the parser's promises
 * or fails with an {@link OpenMlException} that has a message. Anything else is a finding.
 *
 * <p>{@code mvn verify} replays the committed inputs under
 * {@code src/test/resources/io/github/sparselr/openml/OpenMlJsonFuzzTestInputs/answersOrSaysWhatIsWrong/}
 * (real OpenML answers, edge cases, and every finding); {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class OpenMlJsonFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void answersOrSaysWhatIsWrong(final byte[] input) throws Exception {
        final JsonNode root;
        try {
            root = OpenMlJson.parse(new ByteArrayInputStream(input), "The answer");
        } catch (OpenMlException e) {
            assertHasMessage(e);
            return;
        }
        try {
            assertThat(OpenMlJson.datasetId(root, "x", 1)).isPositive();
        } catch (OpenMlException e) {
            assertHasMessage(e);
        }
        DatasetDescription description = null;
        try {
            description = OpenMlJson.description(7, root);
            assertThat(description.fileId()).matches("[0-9]{1,18}");
            assertThat(description.md5()).matches("([0-9a-f]{32})?");
            assertThat(description.name()).isNotNull();
            assertThat(description.format()).isNotNull();
        } catch (OpenMlException e) {
            assertHasMessage(e);
        }
        try {
            final List<DatasetFeature> features = OpenMlJson.features(7, root);
            for (final DatasetFeature f : features) {
                assertThat(f.name()).isNotEmpty();
                assertThat(f.dataType()).isNotNull();
            }
            if (description != null) {
                final ColumnRoles roles = ColumnRoles.of(description, features, null);
                assertThat(features.stream().map(DatasetFeature::name)).contains(roles.target());
                assertThat(roles.dropped()).doesNotContain(roles.target());
            }
        } catch (OpenMlException e) {
            assertHasMessage(e);
        }
        assertThat(OpenMlJson.numberOfInstances(root)).isNotNegative();
    }

    private static void assertHasMessage(final OpenMlException e) {
        assertThat(e.getMessage()).as("the message of %s", e).isNotBlank();
    }
}
