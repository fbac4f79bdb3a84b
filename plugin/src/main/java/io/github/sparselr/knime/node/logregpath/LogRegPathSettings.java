package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.knime.node.NodeSettingsGroup;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.SelectionRule;
import java.util.List;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The path node's settings, flat and typed with scikit-learn's names where scikit-learn has one
 * ({@code Cs} and {@code cv} as in {@code LogisticRegressionCV}), so that a batch run can override them
 * ({@code -option=nodeID,Cs,30,int}). Every check names its key.
 */
final class LogRegPathSettings {

    static final String KEY_TARGET = "target_column";
    static final String KEY_FEATURES = "feature_columns";
    static final String KEY_PENALTY = "penalty";
    static final String KEY_L1_RATIO = "l1_ratio";
    static final String KEY_CS = "Cs";
    static final String KEY_C_GRID = "C_grid";
    static final String KEY_C_FACTOR = "C_factor";
    static final String KEY_C_MIN = "C_min";
    static final String KEY_C_MAX = "C_max";
    static final String KEY_TOL = "tol";
    static final String KEY_MAX_ITER = "max_iter";
    static final String KEY_FIT_INTERCEPT = "fit_intercept";
    static final String KEY_SOLVER = "solver";
    static final String KEY_CV = "cv";
    static final String KEY_SELECTION_RULE = "selection_rule";
    static final String KEY_RANDOM_STATE = "random_state";
    static final String KEY_THREADS = "threads";

    static final List<String> PENALTIES = List.of("l1", "elasticnet");

    /** From the smallest C at which a weight leaves zero (l1_min_c) up to C_factor times it. */
    static final String GRID_AUTOMATIC = "automatic";

    /** From C_min to C_max. */
    static final String GRID_RANGE = "range";

    static final List<String> GRIDS = List.of(GRID_AUTOMATIC, GRID_RANGE);

    static final String SOLVER_SAGA = "saga";

    static final String SOLVER_NEWTON_CD = "newton-cd";

    static final List<String> SOLVERS = List.of(SOLVER_NEWTON_CD, SOLVER_SAGA);

    static final String RULE_BEST = "best";

    static final String RULE_ONE_SE = "1-SE";

    static final List<String> RULES = List.of(RULE_BEST, RULE_ONE_SE);

    private final SettingsModelString m_target = new SettingsModelString(KEY_TARGET, "");
    private final SettingsModelColumnFilter2 m_features = new SettingsModelColumnFilter2(KEY_FEATURES, DoubleValue.class);
    private final SettingsModelString m_penalty = new SettingsModelString(KEY_PENALTY, "l1");
    private final SettingsModelDoubleBounded m_l1Ratio = new SettingsModelDoubleBounded(KEY_L1_RATIO, 0.5, 0, 1);
    private final SettingsModelIntegerBounded m_cs = new SettingsModelIntegerBounded(KEY_CS, 20, 1, 1000);
    private final SettingsModelString m_cGrid = new SettingsModelString(KEY_C_GRID, GRID_AUTOMATIC);
    private final SettingsModelDoubleBounded m_cFactor =
        new SettingsModelDoubleBounded(KEY_C_FACTOR, 100, 1, Double.MAX_VALUE);
    private final SettingsModelDoubleBounded m_cMin =
        new SettingsModelDoubleBounded(KEY_C_MIN, 1e-3, Double.MIN_VALUE, Double.MAX_VALUE);
    private final SettingsModelDoubleBounded m_cMax =
        new SettingsModelDoubleBounded(KEY_C_MAX, 1, Double.MIN_VALUE, Double.MAX_VALUE);
    private final SettingsModelDoubleBounded m_tol = new SettingsModelDoubleBounded(KEY_TOL, 1e-4, 0, Double.MAX_VALUE);
    private final SettingsModelIntegerBounded m_maxIter =
        new SettingsModelIntegerBounded(KEY_MAX_ITER, 100, 1, Integer.MAX_VALUE);
    private final SettingsModelBoolean m_fitIntercept = new SettingsModelBoolean(KEY_FIT_INTERCEPT, true);
    private final SettingsModelString m_solver = new SettingsModelString(KEY_SOLVER, SOLVER_NEWTON_CD);
    private final SettingsModelIntegerBounded m_cv = new SettingsModelIntegerBounded(KEY_CV, 5, 0, 1000);
    private final SettingsModelString m_selectionRule = new SettingsModelString(KEY_SELECTION_RULE, RULE_BEST);
    private final SettingsModelIntegerBounded m_randomState =
        new SettingsModelIntegerBounded(KEY_RANDOM_STATE, 0, 0, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_threads = new SettingsModelIntegerBounded(KEY_THREADS, 0, 0, 1024);

    private final NodeSettingsGroup m_group = new NodeSettingsGroup(m_target, m_features, m_penalty, m_l1Ratio, m_cs,
        m_cGrid, m_cFactor, m_cMin, m_cMax, m_tol, m_maxIter, m_fitIntercept, m_solver, m_cv, m_selectionRule,
        m_randomState, m_threads) {
        @Override
        protected void validateAcrossSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            oneOf(settings, KEY_PENALTY, PENALTIES);
            oneOf(settings, KEY_C_GRID, GRIDS);
            oneOf(settings, KEY_SOLVER, SOLVERS);
            oneOf(settings, KEY_SELECTION_RULE, RULES);
            final int cs = settings.getInt(KEY_CS);
            final boolean automatic = GRID_AUTOMATIC.equals(settings.getString(KEY_C_GRID));
            if (automatic && cs > 1 && settings.getDouble(KEY_C_FACTOR) <= 1) {
                throw new InvalidSettingsException("Setting '" + KEY_C_FACTOR + "' is 1; the largest C is C_factor times "
                    + "the smallest, so give a factor greater than 1 for " + cs + " values of C (or set Cs to 1).");
            }
            if (!automatic) {
                // here too, not only by the models: a bound the dialog saved disabled (automatic grid) skips its
                // model's check (SettingsModel#validateSettings), and a batch run may then choose the range
                // and at least 1e-300: below the smallest normal double 1/C overflows (CGrid.requireValid)
                for (final String key : List.of(KEY_C_MIN, KEY_C_MAX)) {
                    if (!(settings.getDouble(key) >= 1e-300)) {
                        throw new InvalidSettingsException("Setting '" + key + "' is " + settings.getDouble(key)
                            + "; give a C greater than 0, and at least 1e-300 (1/C must not overflow), for the grid '"
                            + GRID_RANGE + "'.");
                    }
                }
            }
            if (!automatic && cs > 1 && settings.getDouble(KEY_C_MIN) >= settings.getDouble(KEY_C_MAX)) {
                throw new InvalidSettingsException("Setting '" + KEY_C_MIN + "' (" + settings.getDouble(KEY_C_MIN)
                    + ") must be smaller than '" + KEY_C_MAX + "' (" + settings.getDouble(KEY_C_MAX) + ") for a grid of "
                    + cs + " values of C; swap them or set Cs to 1.");
            }
            if (automatic && "elasticnet".equals(settings.getString(KEY_PENALTY))
                && settings.getDouble(KEY_L1_RATIO) == 0) {
                throw new InvalidSettingsException("Setting '" + KEY_L1_RATIO + "' is 0 (pure L2), where every C gives "
                    + "non-zero weights, so the automatic grid has no smallest C; give l1_ratio > 0 or set C_grid to '"
                    + GRID_RANGE + "'.");
            }
            if (SOLVER_NEWTON_CD.equals(settings.getString(KEY_SOLVER)) && settings.getDouble(KEY_TOL) == 0) {
                throw new InvalidSettingsException("Setting '" + KEY_TOL + "' is 0, but the solver '" + SOLVER_NEWTON_CD
                    + "' stops when the largest optimality violation is at most tol, which 0 never is; give tol > 0 "
                    + "(e.g. 1e-4).");
            }
            final int cv = settings.getInt(KEY_CV);
            if (cv == 1) {
                throw new InvalidSettingsException("Setting '" + KEY_CV + "' is 1; give 0 (no cross-validation) or at "
                    + "least 2 folds.");
            }
            if (cv == 0 && RULE_ONE_SE.equals(settings.getString(KEY_SELECTION_RULE))) {
                throw new InvalidSettingsException("Setting '" + KEY_SELECTION_RULE + "' is '" + RULE_ONE_SE
                    + "', which needs the folds' standard error, but '" + KEY_CV + "' is 0; give cv of at least 2 or "
                    + "set selection_rule to '" + RULE_BEST + "'.");
            }
        }
    };

    private static void oneOf(final NodeSettingsRO settings, final String key, final List<String> allowed)
        throws InvalidSettingsException {
        final String value = settings.getString(key);
        if (!allowed.contains(value)) {
            throw new InvalidSettingsException("Setting '" + key + "' must be one of " + allowed + ", was '" + value
                + "'.");
        }
    }

    SettingsModelString target() {
        return m_target;
    }

    SettingsModelColumnFilter2 features() {
        return m_features;
    }

    SettingsModelString penalty() {
        return m_penalty;
    }

    SettingsModelDoubleBounded l1Ratio() {
        return m_l1Ratio;
    }

    SettingsModelIntegerBounded cs() {
        return m_cs;
    }

    SettingsModelString cGrid() {
        return m_cGrid;
    }

    SettingsModelDoubleBounded cFactor() {
        return m_cFactor;
    }

    SettingsModelDoubleBounded cMin() {
        return m_cMin;
    }

    SettingsModelDoubleBounded cMax() {
        return m_cMax;
    }

    SettingsModelDoubleBounded tol() {
        return m_tol;
    }

    SettingsModelIntegerBounded maxIter() {
        return m_maxIter;
    }

    SettingsModelBoolean fitIntercept() {
        return m_fitIntercept;
    }

    SettingsModelString solver() {
        return m_solver;
    }

    SettingsModelIntegerBounded cv() {
        return m_cv;
    }

    SettingsModelString selectionRule() {
        return m_selectionRule;
    }

    SettingsModelIntegerBounded randomState() {
        return m_randomState;
    }

    SettingsModelIntegerBounded threads() {
        return m_threads;
    }

    boolean automaticGrid() {
        return GRID_AUTOMATIC.equals(m_cGrid.getStringValue());
    }

    SelectionRule rule() {
        return RULE_ONE_SE.equals(m_selectionRule.getStringValue()) ? SelectionRule.ONE_STANDARD_ERROR
            : SelectionRule.BEST;
    }

    /** The threads to run on: the setting, or every core the JVM sees for 0. */
    int threadCount() {
        return m_threads.getIntValue() > 0 ? m_threads.getIntValue() : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The parameters every fit of the path shares (each point sets its own C); validated, with
     * messages that name the setting.
     */
    SagaParameters baseParameters() throws InvalidSettingsException {
        try {
            return new SagaParameters(Penalty.parse(m_penalty.getStringValue()), 1.0, m_l1Ratio.getDoubleValue(),
                m_tol.getDoubleValue(), m_maxIter.getIntValue(), m_fitIntercept.getBooleanValue(),
                m_randomState.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
