package io.github.sparselr.runner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the command-line tests: a {@link SmallWorkflow} in a temporary folder, and
 * {@code sparselr run -workflowDir=THAT ARGS...} run in-process with what it prints kept in
 * {@link #out} and {@link #err}.
 */
abstract class SmallWorkflowRunTest {

    @TempDir
    Path dir;

    Path workflow;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeWorkflow() throws Exception {
        workflow = SmallWorkflow.write(dir);
    }

    /** Runs {@code sparselr run -workflowDir=<the small workflow> args...}; returns the exit code. */
    int run(final String... args) {
        final String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = "-workflowDir=" + workflow;
        System.arraycopy(args, 0, all, 2, args.length);
        return SparselrCli.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
