package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ./sparselr launcher: what it checks before it builds or starts Java. */
class LauncherTest {

    @Test
    void aHeapSizeThatIsNoSizeIsNamedBeforeAnythingRuns() throws Exception {
        for (final String heap : List.of("abc", "8 g", "-1g", "8gb", "0")) {
            final ProcessBuilder launcher = new ProcessBuilder("bash", Path.of("..", "sparselr").toString(), "--version");
            launcher.environment().put("SPARSELR_HEAP", heap);
            final Process p = launcher.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(heap).isEqualTo(2);
            assertThat(err).as(heap).contains("SPARSELR_HEAP='" + heap + "' is not a heap size")
                .doesNotContain("building");
        }
    }
}
