package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
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

    /** A copy of the real MNIST files in a new folder under tmp, marked as get-mnist's own when asked. */
    private Path copyOfMnist(final boolean marked) throws Exception {
        final Path mnist = MnistFolder.find();
        final Path folder = Files.createDirectory(tmp.resolve("mnist"));
        for (final String name : MNIST_FILES) {
            Files.copy(mnist.resolve(name), folder.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        if (marked) {
            Files.writeString(folder.resolve(".sparselr-mnist"), "MNIST installed by sparselr's scripts/get-mnist.sh");
        }
        return folder;
    }

    @Test
    void hashesAgainAFileOfItsOwnFolderThatChangedSinceTheLastCheckEvenWithItsSizeAndTimeKept() throws Exception {
        final Path folder = copyOfMnist(true);
        assertThat(getMnist(folder).code()).isZero();
        // the check is recorded in get-mnist's mark, and the next run takes it as it stands
        assertThat(Files.readString(folder.resolve(".sparselr-mnist"))).contains("t10k-labels-idx1-ubyte ");
        assertThat(getMnist(folder).code()).isZero();

        // one byte changed in place: same size, same inode, the modification time set back
        final Path labels = folder.resolve("t10k-labels-idx1-ubyte");
        final FileTime modified = Files.getLastModifiedTime(labels);
        final byte[] bytes = Files.readAllBytes(labels);
        bytes[100] ^= 1;
        Files.write(labels, bytes);
        Files.setLastModifiedTime(labels, modified);
        // a file of the user's, so that the failed check ends in a refusal rather than a download
        Files.writeString(folder.resolve("notes.txt"), "my notes");

        final Run run = getMnist(folder);

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("'notes.txt', which get-mnist did not write");
        assertThat(labels).hasBinaryContent(bytes);
    }

    @Test
    void writesNoMarkIntoAFolderItDidNotMakeAndHashesItEveryTime() throws Exception {
        final Path folder = copyOfMnist(false);

        assertThat(getMnist(folder).code()).isZero();
        assertThat(getMnist(folder).code()).isZero();

        assertThat(Files.list(folder).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(MNIST_FILES);
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
