package io.github.sparselr.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * What a run leaves in its output folder: per node a folder "Name (#id)" with its images as PNG and
 * its small tables as CSV (every table with {@code --all-tables}), and {@code report.json} (per node:
 * id, name, factory, status, milliseconds, the flow variables it pushed, and its output ports). Reads
 * nothing node-specific: a node tells the report what it wants shown by pushing flow variables, as
 * KNIME's Scorer publishes its accuracy.
 */
final class RunOutput {

    /**
     * An image output as written: the node that made it, its output port (from 1, as in the folder) and the
     * port's name from the node's description (null where it names none), and the file relative to the
     * output folder.
     */
    record Image(String node, int port, String portName, Path file) {
    }

    /** Tables of at most this many cells (rows × columns) are written by default. */
    static final long SMALL_TABLE_CELLS = 100_000;

    private RunOutput() {
    }

    /**
     * Writes the outputs into {@code folder}.
     *
     * @param allTables whether to write tables larger than {@link #SMALL_TABLE_CELLS} too
     * @return the images written, in the order the nodes ran
     */
    static List<Image> write(final Path folder, final WorkflowDefinition workflow, final List<NodeResult> results,
        final double seconds, final boolean allTables) throws IOException {
        final List<Image> images = new ArrayList<>();
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
            entry.put("flow_variables", result.flowVariables());
            if (result.succeeded()) {
                final String nodeFolder = folderName(result.node());
                entry.put("folder", nodeFolder);
                entry.put("ports", writePorts(folder, nodeFolder, result, allTables, images));
            }
            nodes.add(entry);
        }
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("workflow", workflow.dir().getFileName().toString());
        report.put("succeeded", results.stream().allMatch(NodeResult::succeeded)
            && results.size() == workflow.nodes().size());
        report.put("seconds", seconds);
        report.put("nodes", nodes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("report.json").toFile(),
            report);
        return images;
    }

    /** The longest file name most file systems take (ext4, XFS, APFS: 255 bytes). */
    static final int MAX_NAME_BYTES = 255;

    /**
     * The node's folder as KNIME names it, "Name (#id)", with the characters a file name cannot hold
     * (separators, control characters, and those Windows forbids) replaced by '_' and no leading dot, so
     * that a name from a workflow file never leads out of the output folder; the name is cut so that the
     * whole, suffix included, takes at most {@link #MAX_NAME_BYTES} bytes in UTF-8.
     */
    static String folderName(final WorkflowDefinition.Node node) {
        final String name = node.name() == null ? "" : node.name();
        final String suffix = " (#" + node.id() + ")";
        final int budget = MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        final StringBuilder safe = new StringBuilder();
        int bytes = 0;
        for (final int c : (Iterable<Integer>) name.codePoints()::iterator) {
            final int safeChar = c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c;
            final int length = new String(Character.toChars(safeChar)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > budget) {
                break;
            }
            safe.appendCodePoint(safeChar);
            bytes += length;
        }
        String cleaned = safe.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        return (cleaned.isBlank() ? "Node" : cleaned) + suffix;
    }

    private static List<Map<String, Object>> writePorts(final Path root, final String nodeFolder,
        final NodeResult result, final boolean allTables, final List<Image> images) throws IOException {
        final PortObject[] outputs = result.outputs();
        final Path dir = root.resolve(nodeFolder).normalize();
        if (!dir.startsWith(root) || dir.equals(root)) {
            throw new IOException("The node folder '" + nodeFolder + "' would lie outside " + root + ".");
        }
        Files.createDirectories(dir);
        final List<Map<String, Object>> ports = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            final String name = "port_" + (i + 1);
            final Map<String, Object> port = new LinkedHashMap<>();
            port.put("port", i + 1);
            if (outputs[i] instanceof BufferedDataTable) {
                final BufferedDataTable table = (BufferedDataTable) outputs[i];
                final int columns = table.getDataTableSpec().getNumColumns();
                port.put("type", "table");
                port.put("rows", table.size());
                port.put("columns", columns);
                if (allTables || table.size() * Math.max(1, columns) <= SMALL_TABLE_CELLS) {
                    writeCsv(dir.resolve(name + ".csv"), table);
                    port.put("file", name + ".csv");
                } else {
                    port.put("file", null);
                }
            } else if (outputs[i] instanceof ImagePortObject) {
                port.put("type", "image");
                final DataCell cell = ((ImagePortObject) outputs[i]).toDataCell();
                if (cell instanceof PNGImageCell) {
                    Files.write(dir.resolve(name + ".png"), ((PNGImageCell) cell).getImageContent().getByteArray());
                    port.put("file", name + ".png");
                    images.add(new Image(result.node().label(), i + 1,
                        i < result.outPortNames().size() ? result.outPortNames().get(i) : null,
                        Path.of(nodeFolder, name + ".png")));
                }
            } else if (outputs[i] != null) {
                port.put("type", "model");
                Files.writeString(dir.resolve(name + ".txt"), outputs[i].getSummary() + "\n");
                port.put("file", name + ".txt");
            }
            ports.add(port);
        }
        return ports;
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
}
