package io.github.sparselr.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The MNIST folder for tests that run on the full data: {@code -Dmnist.dir} when given (as
 * scripts/test-all.sh does), otherwise what {@code scripts/get-mnist.sh} prints, which fetches the
 * files once, as the {@code ./sparselr} launcher does. So a plain {@code mvn verify} finds MNIST too.
 */
final class MnistFolder {

    private MnistFolder() {
    }

    static Path find() throws IOException, InterruptedException {
        final String given = System.getProperty("mnist.dir", "");
        if (!given.isBlank()) {
            return Path.of(given);
        }
        final Process script = new ProcessBuilder("bash", Path.of("..", "scripts", "get-mnist.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final String printed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (script.waitFor() != 0 || printed.isEmpty()) {
            throw new IllegalStateException("scripts/get-mnist.sh could not provide MNIST (exit " + script.exitValue()
                + "); it needs npm and the npm registry, or pass -Dmnist.dir=FOLDER with the four MNIST IDX files");
        }
        return Path.of(printed);
    }
}
