package io.github.sparselr.knime.node.sagalearner;

import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.List;
import io.github.sparselr.knime.node.NodeSettingsGroup;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The learner's settings, flat and typed with scikit-learn's names so that a batch run can override
 * them ({@code -option=nodeID,C,0.05,double}). Defaults are the MNIST study's: L1, C = 50/5000, tol 0.1.
 */
final class SagaLearnerSettings {

    static final String KEY_TARGET = "target_column";
    static final String KEY_FEATURES = "feature_columns";
    static final String KEY_PENALTY = "penalty";
    static final String KEY_C = "C";
    static final String KEY_L1_RATIO = "l1_ratio";
    static final String KEY_TOL = "tol";
    static final String KEY_MAX_ITER = "max_iter";
    static final String KEY_FIT_INTERCEPT = "fit_intercept";
    static final String KEY_RANDOM_STATE = "random_state";

    static final List<String> PENALTIES = List.of("l1", "l2", "elasticnet", "none");

    private final SettingsModelString m_target = new SettingsModelString(KEY_TARGET, "");
    private final SettingsModelColumnFilter2 m_features = new SettingsModelColumnFilter2(KEY_FEATURES, DoubleValue.class);
    private final SettingsModelString m_penalty = new SettingsModelString(KEY_PENALTY, "l1");
    private final SettingsModelDoubleBounded m_c =
        new SettingsModelDoubleBounded(KEY_C, 50.0 / 5000, Double.MIN_VALUE, Double.MAX_VALUE);
    private final SettingsModelDoubleBounded m_l1Ratio = new SettingsModelDoubleBounded(KEY_L1_RATIO, 0.5, 0, 1);
    private final SettingsModelDoubleBounded m_tol = new SettingsModelDoubleBounded(KEY_TOL, 0.1, 0, Double.MAX_VALUE);
    private final SettingsModelIntegerBounded m_maxIter =
        new SettingsModelIntegerBounded(KEY_MAX_ITER, 100, 1, Integer.MAX_VALUE);
    private final SettingsModelBoolean m_fitIntercept = new SettingsModelBoolean(KEY_FIT_INTERCEPT, true);
    private final SettingsModelIntegerBounded m_randomState =
        new SettingsModelIntegerBounded(KEY_RANDOM_STATE, 0, 0, Integer.MAX_VALUE);

    private final NodeSettingsGroup m_group = new NodeSettingsGroup(m_target, m_features, m_penalty, m_c, m_l1Ratio, m_tol, m_maxIter, m_fitIntercept,
            m_randomState) {
        @Override
        protected void validateAcrossSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            final String penalty = settings.getString(KEY_PENALTY);
            if (!PENALTIES.contains(penalty)) {
                throw new InvalidSettingsException("penalty must be one of " + PENALTIES + ", was '" + penalty + "'.");
            }
        }
    };

    SettingsModelString target() {
        return m_target;
    }

    SettingsModelColumnFilter2 features() {
        return m_features;
    }

    SettingsModelString penalty() {
        return m_penalty;
    }

    SettingsModelDoubleBounded c() {
        return m_c;
    }

    SettingsModelDoubleBounded l1Ratio() {
        return m_l1Ratio;
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

    SettingsModelIntegerBounded randomState() {
        return m_randomState;
    }

    /** The engine's parameters; validated, with messages that name the setting. */
    SagaParameters parameters() throws InvalidSettingsException {
        try {
            return new SagaParameters(Penalty.parse(m_penalty.getStringValue()), m_c.getDoubleValue(),
                m_l1Ratio.getDoubleValue(), m_tol.getDoubleValue(), m_maxIter.getIntValue(),
                m_fitIntercept.getBooleanValue(), m_randomState.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
