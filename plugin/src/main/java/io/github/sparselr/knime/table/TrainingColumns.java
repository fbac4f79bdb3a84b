package io.github.sparselr.knime.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * The columns a learner trains on: a string target and the numeric features, chosen in its settings.
 * The one place the learners (SAGA learner, Logistic Regression Path) resolve them against a table.
 */
public final class TrainingColumns {

    private TrainingColumns() {
    }

    /**
     * The configured target, or the last string column while none is configured (then {@code warning}
     * receives a message saying so).
     */
    public static String target(final DataTableSpec spec, final String configured, final Consumer<String> warning)
        throws InvalidSettingsException {
        String target = configured;
        if (target == null || target.isEmpty()) {
            for (final DataColumnSpec column : spec) {
                if (column.getType().isCompatible(StringValue.class)) {
                    target = column.getName();
                }
            }
            if (target == null || target.isEmpty()) {
                throw new InvalidSettingsException("The input has no string column to learn; the target must be a "
                    + "string column of class labels.");
            }
            warning.accept("No target column was chosen; using '" + target + "'.");
        }
        LabelColumn.check(spec, target, "target");
        return target;
    }

    /** The selected numeric columns other than the target, each checked to be there and numeric. */
    public static List<String> features(final DataTableSpec spec, final SettingsModelColumnFilter2 selection,
        final String target) throws InvalidSettingsException {
        final FilterResult filter = selection.applyTo(spec);
        for (final String gone : filter.getRemovedFromIncludes()) {
            NumericMatrix.checkColumns(spec, List.of(gone), "selected as a feature");
        }
        final List<String> features = new ArrayList<>(Arrays.asList(filter.getIncludes()));
        features.remove(target);
        if (features.isEmpty()) {
            throw new InvalidSettingsException("No numeric feature column is selected; the learner needs at least one "
                + "number column besides the target.");
        }
        NumericMatrix.checkColumns(spec, features, "selected as a feature");
        return features;
    }

    /**
     * The target's classes in sorted order as its nominal domain names them, or null when the domain
     * lists none (then they are only known after reading the data).
     */
    public static List<String> classesInDomain(final DataTableSpec spec, final String target) {
        final DataColumnSpec targetSpec = spec.getColumnSpec(target);
        if (!targetSpec.getDomain().hasValues()) {
            return null;
        }
        return targetSpec.getDomain().getValues().stream().map(c -> ((StringValue) c).getStringValue()).sorted()
            .toList();
    }
}
