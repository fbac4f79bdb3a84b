package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/get-mnist.sh never removes what it did not write (the cases that need no network). */
class GetMnistScriptTest {

    private static final String[] MNIST_FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    @TempDir
    Path tmp;

    private record Run(int code, String err) {
    }

    private static Run getMnist(final Path target) throws Exception {
        final Process p = new ProcessBuilder("bash", Path.of("..", "scripts", "get-mnist.sh").toString(),
            target.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), err);
    }

    @Test
    void refusesAFolderThatHoldsAUsersFileAndLeavesItAsItWas() throws Exception {
        final Path folder = Files.createDirectory(tmp.resolve("papers"));
        Files.writeString(folder.resolve("thesis.txt"), "three years of work");
        Files.writeString(folder.resolve("train-images-idx3-ubyte"), "not really MNIST");

        final Run run = getMnist(folder);

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("'thesis.txt'").contains("new or empty folder");
        assertThat(folder.resolve("thesis.txt")).hasContent("three years of work");
        assertThat(folder.resolve("train-images-idx3-ubyte")).hasContent("not really MNIST");
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).containsExactly("papers");
    }

    @Test
    void refusesAFolderOfFilesNamedLikeMnistButNotMnistsSuchAsFashionMnist() throws Exception {
        final Path folder = Files.createDirectory(tmp.resolve("mnist"));
        for (final String name : MNIST_FILES) {
            Files.writeString(folder.resolve(name), "Fashion-MNIST's " + name);
        }

        final Run run = getMnist(folder);

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("is not MNIST as get-mnist installs it").contains("new or empty folder");
        for (final String name : MNIST_FILES) {
            assertThat(folder.resolve(name)).hasContent("Fashion-MNIST's " + name);
        }
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).containsExactly("mnist");
    }

    @Test
    void refusesAMarkedFolderOfItsOwnOnceItHoldsAUsersFile() throws Exception {
        final Path folder = Files.createDirectory(tmp.resolve("mnist"));
        Files.writeString(folder.resolve(".sparselr-mnist"), "MNIST installed by sparselr's scripts/get-mnist.sh");
        Files.writeString(folder.resolve("train-labels-idx1-ubyte"), "damaged");
        Files.writeString(folder.resolve("notes.txt"), "my notes");

        final Run run = getMnist(folder);

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("'notes.txt', which get-mnist did not write");
        assertThat(folder.resolve("notes.txt")).hasContent("my notes");
        assertThat(folder.resolve("train-labels-idx1-ubyte")).hasContent("damaged");
    }

    @Test
    void refusesARegularFileAsTheTarget() throws Exception {
        final Path file = Files.writeString(tmp.resolve("notes.txt"), "notes");

        final Run run = getMnist(file);

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("is not a folder");
        assertThat(file).hasContent("notes");
    }
}
