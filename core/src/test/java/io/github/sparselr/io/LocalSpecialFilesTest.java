package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local path that is not a regular file (a named pipe, a device) is refused before it is read. */
class LocalSpecialFilesTest {

    @TempDir
    Path dir;

    @Test
    void refusesANamedPipeCalledArffOrCsvInsteadOfWaitingForever() throws Exception {
        for (final String name : new String[] {"pipe.arff", "pipe.csv"}) {
            final Path fifo = dir.resolve(name);
            Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is needed");
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertThatThrownBy(() -> LocalDatasets.layout(fifo, null, true)).isInstanceOf(IOException.class)
                    .hasMessageContaining(fifo.toString()).hasMessageContaining("not a regular file");
                assertThatThrownBy(() -> LocalDatasets.read(fifo, null, true, () -> false))
                    .isInstanceOf(IOException.class).hasMessageContaining("named pipe");
            });
        }
    }

    @Test
    void refusesALinkToADeviceThatNeverEnds() throws Exception {
        final Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "/dev/zero is needed");
        final Path link = Files.createSymbolicLink(dir.resolve("zero.arff"), zero);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> LocalDatasets.read(link, null, true, () -> false)).isInstanceOf(IOException.class)
                .hasMessageContaining(link.toString()).hasMessageContaining("device");
            assertThatThrownBy(() -> LocalDatasets.layout(link, null, true)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
        });
    }
}
