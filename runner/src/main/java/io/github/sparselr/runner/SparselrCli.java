package io.github.sparselr.runner;

import io.github.sparselr.knime.standin.ProgressRecorder;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code sparselr run}: executes a KNIME workflow of sparselr nodes headlessly, with the flags of
 * KNIME's batch executor. Exit codes as KNIME's: 0 success, 2 bad arguments, 3 load error, 4 execution
 * error.
 */
@Command(name = "sparselr", mixinStandardHelpOptions = true, version = "sparselr 0.1.0",
    description = "Runs sparselr's KNIME workflows without KNIME.", subcommands = {SparselrCli.Run.class})
public final class SparselrCli implements Callable<Integer> {

    static final int LOAD_ERROR = 3;
    static final int EXECUTION_ERROR = 4;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return CommandLine.ExitCode.USAGE;
    }

    public static void main(final String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code. */
    static int execute(final String[] args, final PrintWriter out, final PrintWriter err) {
        final CommandLine cli = new CommandLine(new SparselrCli());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The run subcommand. */
    @Command(name = "run", mixinStandardHelpOptions = true,
        description = "Executes a workflow folder (workflow.knime plus one 'Name (#id)/settings.xml' per node).")
    static final class Run implements Callable<Integer> {

        @Option(names = "-workflowDir", required = true, paramLabel = "DIR", description = "The workflow folder.")
        Path workflowDir;

        @Option(names = "-reset", description = "Reset before executing (always done; accepted for KNIME's syntax).")
        boolean reset;

        @Option(names = "-nosave", description = "Do not save the executed workflow (the runner never writes into "
            + "the workflow folder; accepted for KNIME's syntax).")
        boolean nosave;

        @Option(names = "-option", paramLabel = "nodeID,key,value,type",
            description = "Override a node setting, e.g. -option=5,C,0.05,double (sub-settings: a/b/key).")
        List<String> options = new ArrayList<>();

        @Option(names = "-workflow.variable", paramLabel = "name,value,type",
            description = "Set a workflow variable (type String, int or double).")
        List<String> variables = new ArrayList<>();

        @Option(names = "--out", paramLabel = "DIR",
            description = "Write every output table as CSV, every image as PNG, and report.json into DIR.")
        Path outDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final List<WorkflowExecutor.Option> parsedOptions;
            final Map<String, String> parsedVariables;
            try {
                parsedOptions = parseOptions();
                parsedVariables = parseVariables();
            } catch (IllegalArgumentException e) {
                err.println("sparselr: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            final long start = System.nanoTime();
            final WorkflowDefinition workflow;
            final WorkflowExecutor executor;
            try {
                workflow = WorkflowReader.read(workflowDir);
                executor = new WorkflowExecutor(workflow, parsedOptions, parsedVariables);
            } catch (WorkflowLoadException e) {
                err.println("sparselr: cannot load the workflow: " + e.getMessage());
                return LOAD_ERROR;
            }
            final ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
            final List<NodeResult> results = executor.execute(progress::report);
            progress.finish();
            final double seconds = (System.nanoTime() - start) / 1e9;
            for (final NodeResult r : results) {
                out.printf(Locale.ROOT, "%-45s %s in %.3f s%s%n", r.node().label(), r.succeeded() ? "executed" : "FAILED",
                    r.milliseconds() / 1000, r.warning() == null ? "" : "  (warning: " + r.warning() + ")");
            }
            if (outDir != null) {
                try {
                    RunOutput.write(outDir, workflow, results, seconds);
                } catch (java.io.IOException e) {
                    err.println("sparselr: cannot write the output folder " + outDir + ": " + e.getMessage());
                    return EXECUTION_ERROR;
                }
            }
            final NodeResult last = results.isEmpty() ? null : results.get(results.size() - 1);
            if (last != null && !last.succeeded()) {
                err.println("sparselr: node " + last.node().label() + " failed: " + last.error());
                return EXECUTION_ERROR;
            }
            StudyLines.print(workflow, results, seconds, out);
            if (outDir != null) {
                out.println("Outputs (tables as CSV, images as PNG, report.json): " + outDir.toAbsolutePath());
                StudyLines.printImages(results, outDir.toAbsolutePath(), out);
            }
            return CommandLine.ExitCode.OK;
        }

        private List<WorkflowExecutor.Option> parseOptions() {
            final List<WorkflowExecutor.Option> parsed = new ArrayList<>();
            for (final String option : options) {
                final String[] parts = option.split(",", -1);
                if (parts.length != 4) {
                    throw new IllegalArgumentException("-option takes nodeID,key,value,type; got '" + option + "'.");
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

        private Map<String, String> parseVariables() {
            final Map<String, String> parsed = new LinkedHashMap<>();
            for (final String variable : variables) {
                final String[] parts = variable.split(",", -1);
                if (parts.length != 3 || !parts[2].matches("(?i)String|int|double")) {
                    throw new IllegalArgumentException("-workflow.variable takes name,value,type with type String, int "
                        + "or double; got '" + variable + "'.");
                }
                parsed.put(parts[0], parts[1]);
            }
            return parsed;
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
