package io.github.sparselr.knime.standin;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The stricter check our tests add to KNIME's: every output table has exactly the columns (names and
 * types, in order) that configure promised. KNIME only warns when an output is not even compatible
 * ({@code Node#execute}, see {@link HeadlessNode#execute}); a node of ours that breaks its promise is a bug.
 * Not part of KNIME's API.
 */
public final class ConfigurePromise {

    private ConfigurePromise() {
    }

    /** Executes the node and asserts that its output tables have the columns configure promised. */
    public static PortObject[] execute(final HeadlessNode node, final PortObject... inObjects) throws Exception {
        final PortObject[] out = node.execute(inObjects);
        assertKept(node, out);
        return out;
    }

    /**
     * Fails with an {@link AssertionError} when an output table's columns differ from those the node's
     * last configure promised (a null promise, "not known before execution", holds for any table).
     */
    public static void assertKept(final HeadlessNode node, final PortObject[] outputs) {
        final PortObjectSpec[] promised = node.configuredSpecs();
        if (promised == null) {
            throw new AssertionError("The node was not configured, so it promised nothing.");
        }
        for (int i = 0; i < outputs.length; i++) {
            if (promised[i] instanceof DataTableSpec && outputs[i] instanceof BufferedDataTable) {
                final DataTableSpec actual = ((BufferedDataTable) outputs[i]).getDataTableSpec();
                if (!actual.equalStructure((DataTableSpec) promised[i])) {
                    throw new AssertionError("Output " + i + " has columns " + actual + " but configure promised "
                        + promised[i] + ".");
                }
            }
        }
    }
}
