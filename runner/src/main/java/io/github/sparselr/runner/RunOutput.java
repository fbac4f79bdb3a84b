package io.github.sparselr.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.linear.LogisticModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * The {@code --out} folder: every output table as CSV, every image as PNG, and {@code report.json}
 * (per node: id, name, factory, status, milliseconds, summary). Written into a temporary sibling folder
 * and moved into place only when complete, so a failed run never leaves a folder that looks complete.
 */
final class RunOutput {

    private RunOutput() {
    }

    /** Per-node summaries for the report and the console. */
    static Map<String, Object> summary(final NodeResult result) {
        final Map<String, Object> summary = new LinkedHashMap<>();
        if (!result.succeeded()) {
            return summary;
        }
        final String factory = result.node().factory();
        final PortObject[] out = result.outputs();
        if (factory.endsWith("OpenMlReaderNodeFactory")) {
            summary.put("train_rows", ((BufferedDataTable) out[0]).size());
            summary.put("test_rows", ((BufferedDataTable) out[1]).size());
        } else if (out.length > 0 && out[0] instanceof LogisticModelPortObject) {
            final LogisticModel model = ((LogisticModelPortObject) out[0]).model();
            summary.put("penalty", model.parameters().penalty().sklearnName());
            summary.put("C", model.parameters().c());
            summary.put("n_iter", model.nIter());
            summary.put("converged", model.converged());
            summary.put("sparsity", model.sparsity());
            summary.put("non_zero_weights", model.nonZeroCount());
            summary.put("fit_milliseconds", result.milliseconds());
            if (out.length > 2 && out[2] instanceof BufferedDataTable) {
                summary.put("simd_lanes", simdLanes((BufferedDataTable) out[2]));
            }
        } else if (result.flowVariables().containsKey("Accuracy")) {
            summary.put("accuracy", result.flowVariables().get("Accuracy"));
            summary.put("cohens_kappa", result.flowVariables().get("Cohen's kappa"));
        }
        return summary;
    }

    static void write(final Path target, final WorkflowDefinition workflow, final List<NodeResult> results,
        final double seconds) throws IOException {
        final Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
        try {
            final List<Map<String, Object>> nodes = new ArrayList<>();
            for (final NodeResult result : results) {
                final Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", result.node().id());
                entry.put("name", result.node().name());
                entry.put("factory", result.node().factory());
                entry.put("status", result.succeeded() ? "EXECUTED" : "FAILED");
                entry.put("milliseconds", Math.round(result.milliseconds() * 1000) / 1000.0);
                if (result.warning() != null) {
                    entry.put("warning", result.warning());
                }
                if (!result.succeeded()) {
                    entry.put("error", result.error());
                }
                entry.put("summary", summary(result));
                nodes.add(entry);
                if (result.succeeded()) {
                    writePorts(temp.resolve(result.node().label()), result.outputs());
                }
            }
            final Map<String, Object> report = new LinkedHashMap<>();
            report.put("workflow", workflow.dir().getFileName().toString());
            report.put("succeeded", results.stream().allMatch(NodeResult::succeeded)
                && results.size() == workflow.nodes().size());
            report.put("seconds", seconds);
            report.put("nodes", nodes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temp.resolve("report.json").toFile(),
                report);
            replace(target, temp);
        } finally {
            deleteRecursively(temp);
        }
    }

    private static void writePorts(final Path dir, final PortObject[] outputs) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < outputs.length; i++) {
            final String name = "port_" + (i + 1);
            if (outputs[i] instanceof BufferedDataTable) {
                writeCsv(dir.resolve(name + ".csv"), (BufferedDataTable) outputs[i]);
            } else if (outputs[i] instanceof ImagePortObject) {
                final DataCell cell = ((ImagePortObject) outputs[i]).toDataCell();
                if (cell instanceof PNGImageCell) {
                    Files.write(dir.resolve(name + ".png"), ((PNGImageCell) cell).getImageContent().getByteArray());
                }
            } else if (outputs[i] != null) {
                Files.writeString(dir.resolve(name + ".txt"), outputs[i].getSummary() + "\n");
            }
        }
    }

    /** The learner summary's "SIMD lanes" cell: whether the fit ran the Vector API's lanes. */
    private static boolean simdLanes(final BufferedDataTable summary) {
        final int column = summary.getDataTableSpec().findColumnIndex(SagaLearnerNodeFactory.SIMD_LANES_COLUMN);
        try (CloseableRowIterator rows = summary.iterator()) {
            return column >= 0 && rows.hasNext() && Boolean.parseBoolean(rows.next().getCell(column).toString());
        }
    }

    private static void writeCsv(final Path file, final BufferedDataTable table) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            final List<String> header = new ArrayList<>();
            header.add("RowID");
            header.addAll(List.of(table.getDataTableSpec().getColumnNames()));
            csv.printRecord(header);
            for (final DataRow row : table) {
                final List<String> record = new ArrayList<>(row.getNumCells() + 1);
                record.add(row.getKey().getString());
                for (final DataCell cell : row) {
                    record.add(cell.isMissing() ? "" : cell.toString());
                }
                csv.printRecord(record);
            }
        }
    }

    /** Puts the finished folder in place; an older output folder is replaced whole. */
    private static void replace(final Path target, final Path finished) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteRecursively(old);
        }
    }

    static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (final Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
