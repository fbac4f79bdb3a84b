package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive (see ./sparselr): made by the first workflow run next to the jar,
 * used by later runs, made again when the jar changes, and never a reason for a run to fail. Each test runs
 * ./sparselr in a copy of the checkout's layout (the launcher, the packaged runner and its libraries, source
 * folders older than the jar), so the real runner/target is left alone.
 */
class LauncherArchiveIT {

    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L); // 2000-01-01

    @TempDir
    Path dir;
    private Path root;
    private Path target;
    private Path workflow;

    @BeforeEach
    void copyTheCheckoutsLayout() throws IOException {
        root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("..", "sparselr"), root.resolve("sparselr"));
        for (final String folder : List.of("core", "knime-standin", "plugin", "runner")) {
            Files.setLastModifiedTime(Files.createDirectories(root.resolve(folder)), LONG_AGO);
        }
        Files.setLastModifiedTime(Files.writeString(root.resolve("pom.xml"), ""), LONG_AGO);
        target = Files.createDirectories(root.resolve("runner/target/lib"));
        target = target.getParent();
        final Path built = Path.of("target");
        Files.copy(built.resolve("sparselr-runner-0.1.0.jar"), target.resolve("sparselr-runner-0.1.0.jar"),
            StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> libs = Files.list(built.resolve("lib"))) {
            for (final Path lib : libs.toList()) {
                Files.copy(lib, target.resolve("lib").resolve(lib.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        workflow = SmallWorkflow.write(Files.createDirectories(dir.resolve("work")));
    }

    /** Runs ./sparselr run on the small workflow; returns its stdout after checking it succeeded. */
    private String run(final String... jvmOptions) throws Exception {
        final ProcessBuilder launcher = new ProcessBuilder("bash", root.resolve("sparselr").toString(), "run",
            "-workflowDir=" + workflow);
        launcher.environment().remove("JDK_JAVA_OPTIONS");
        if (jvmOptions.length > 0) {
            launcher.environment().put("JDK_JAVA_OPTIONS", String.join(" ", jvmOptions));
        }
        final Path err = dir.resolve("stderr.txt");
        final Process p = launcher.redirectError(err.toFile()).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("exit code; stdout:%n%s%nstderr:%n%s", out, Files.readString(err)).isZero();
        assertThat(out).contains("Example run in").doesNotContain("[warning]");
        return out;
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().contains(".jsa.part")).toList();
        }
    }

    /** The classes a run took from the archive, from the JVM's class+load log. */
    private List<String> classesFromTheArchive() throws Exception {
        final Path log = dir.resolve("classes.log");
        Files.deleteIfExists(log);
        run("-Xlog:class+load=info:file=" + log);
        final List<String> shared = new ArrayList<>();
        for (final String line : Files.readAllLines(log)) {
            if (line.contains("source: shared objects file (top)")) {
                shared.add(line);
            }
        }
        return shared;
    }

    @Test
    void theFirstRunMakesTheArchiveAndTheNextRunsLoadTheRunnersClassesFromIt() throws Exception {
        assertThat(archives()).isEmpty();
        run();
        assertThat(archives()).hasSize(1);
        final Path archive = archives().get(0);
        // named with its size: a shorter file (cut off) is never mapped
        assertThat(archive.getFileName().toString()).endsWith("." + Files.size(archive) + ".jsa");
        assertThat(partFiles()).isEmpty();
        assertThat(classesFromTheArchive()).anyMatch(l -> l.contains("io.github.sparselr.runner.SparselrCli "));
        assertThat(archives()).containsExactly(archive);
    }

    @Test
    void aJarNewerThanTheArchiveGetsANewArchive() throws Exception {
        run();
        final Path archive = archives().get(0);
        Files.setLastModifiedTime(archive, LONG_AGO);
        run();
        assertThat(archives()).hasSize(1);
        assertThat(Files.getLastModifiedTime(archives().get(0))).isNotEqualTo(LONG_AGO);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void anArchiveChangedInPlaceIsNotUsedAndTheRunSucceeds() throws Exception {
        run();
        final Path archive = archives().get(0);
        final byte[] bytes = Files.readAllBytes(archive);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 4096; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        archive.toFile().setWritable(true);
        Files.write(archive, bytes); // same size, same name, newer than the jar: only its checksum tells
        run();
        assertThat(classesFromTheArchive()).isEmpty();
    }

    @Test
    void anArchiveCutShortIsNotMappedAndIsMadeAgain() throws Exception {
        run();
        final Path archive = archives().get(0);
        final byte[] bytes = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        // the JDK 17 JVM dies of SIGBUS when it maps an archive shorter than its header says
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
        run();
        assertThat(archives()).hasSize(1);
        assertThat(Files.size(archives().get(0))).isEqualTo(bytes.length);
        assertThat(classesFromTheArchive()).isNotEmpty();
    }
}
