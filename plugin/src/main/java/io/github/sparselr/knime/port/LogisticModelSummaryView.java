package io.github.sparselr.knime.port;

import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

/**
 * The out-port view of a fitted logistic regression: what was fitted and how, in a dozen lines named
 * as scikit-learn names them. It replaces KNIME's default view of a simple port object, a tree of the
 * saved model content, which for MNIST lists all 7 840 coefficients; the coefficients are the SAGA
 * learner's second output table and the Coefficient Image Viewer's images.
 */
final class LogisticModelSummaryView {

    /** The view's name: KNIME titles the out-port view's tab with it ({@code PortObject#getViews}). */
    static final String TITLE = "Logistic Regression Model";

    /** Classes listed by name; a model of more classes lists these and counts the rest. */
    static final int CLASSES_LISTED = 20;

    private LogisticModelSummaryView() {
    }

    /** A table of the summary's lines; it holds only their text, not the model (as getViews asks). */
    static JComponent create(final LogisticModel model, final String targetColumn) {
        final DefaultTableModel lines = new DefaultTableModel(new Object[] {"Property", "Value"}, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(final int row, final int column) {
                return false;
            }
        };
        for (final String[] line : lines(model, targetColumn)) {
            lines.addRow(line);
        }
        final JTable table = new JTable(lines);
        table.setFillsViewportHeight(true);
        final JScrollPane view = new JScrollPane(table);
        view.setName(TITLE);
        return view;
    }

    /** The summary's lines: name, value. */
    static List<String[]> lines(final LogisticModel model, final String targetColumn) {
        final SagaParameters p = model.parameters();
        final List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Target column", targetColumn});
        lines.add(new String[] {"Classes", classes(model.classes())});
        lines.add(new String[] {"Features", Integer.toString(model.featureNames().size())});
        lines.add(new String[] {"penalty", p.penalty() == Penalty.ELASTICNET
            ? p.penalty().sklearnName() + " (l1_ratio " + p.l1Ratio() + ")" : p.penalty().sklearnName()});
        lines.add(new String[] {"C", Double.toString(p.c())});
        lines.add(new String[] {"tol", Double.toString(p.tol())});
        lines.add(new String[] {"fit_intercept", Boolean.toString(p.fitIntercept())});
        lines.add(new String[] {"random_state", Long.toString(p.randomState())});
        lines.add(new String[] {"n_iter", model.nIter() + " (max_iter " + p.maxIter() + ")"});
        lines.add(new String[] {"Converged", model.converged() ? "yes" : "no: max_iter was reached before tol"});
        final int weights = model.coef().length;
        lines.add(new String[] {"Sparsity", String.format(Locale.ROOT, "%.2f%% of the weights are zero (%d of %d)",
            100 * model.sparsity(), weights - model.nonZeroCount(), weights)});
        return lines;
    }

    private static String classes(final List<String> classes) {
        final StringBuilder text = new StringBuilder().append(classes.size()).append(": ");
        text.append(String.join(", ", classes.subList(0, Math.min(classes.size(), CLASSES_LISTED))));
        if (classes.size() > CLASSES_LISTED) {
            text.append(", … (").append(classes.size() - CLASSES_LISTED).append(" more)");
        }
        return text.toString();
    }
}
