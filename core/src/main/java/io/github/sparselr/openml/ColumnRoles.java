package io.github.sparselr.openml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each attribute of an OpenML dataset becomes, decided as scikit-learn's {@code fetch_openml}
 * decides it ({@code sklearn/datasets/_openml.py}, {@code fetch_openml} and
 * {@code _valid_data_column_names}): the target is the chosen one, else the feature flagged
 * {@code is_target}; attributes flagged {@code is_row_identifier} or {@code is_ignore} are dropped;
 * every other attribute is a feature.
 *
 * @param target the target attribute
 * @param rowIdentifiers the dropped row identifiers
 * @param ignored the dropped attributes flagged to be ignored
 */
public record ColumnRoles(String target, List<String> rowIdentifiers, List<String> ignored) {

    public ColumnRoles {
        rowIdentifiers = List.copyOf(rowIdentifiers);
        ignored = List.copyOf(ignored);
    }

    /** Every dropped attribute: the row identifiers, then the ignored ones. */
    public Set<String> dropped() {
        final Set<String> all = new LinkedHashSet<>(rowIdentifiers);
        all.addAll(ignored);
        return all;
    }

    /**
     * @param chosen the target the user chose, or null/blank for OpenML's default target
     * @throws TargetChoiceException if none is chosen and OpenML flags none or several, or the chosen
     *             one is not an attribute
     */
    public static ColumnRoles of(final DatasetDescription description, final List<DatasetFeature> features,
        final String chosen) throws OpenMlException {
        final String target;
        if (chosen != null && !chosen.isBlank()) {
            if (features.stream().noneMatch(f -> f.name().equals(chosen))) {
                throw new TargetChoiceException("Dataset " + label(description) + " has no attribute '" + chosen
                    + "' to use as the target; " + candidateText(candidates(features)) + ".", candidates(features));
            }
            target = chosen;
        } else {
            final List<String> defaults = new ArrayList<>();
            for (final DatasetFeature f : features) {
                if (f.isTarget()) {
                    defaults.add(f.name());
                }
            }
            if (defaults.isEmpty()) {
                final List<String> candidates = candidates(features);
                throw new TargetChoiceException("Dataset " + label(description) + " has no default target; choose "
                    + "the target column: " + candidateText(candidates) + ".", candidates);
            }
            if (defaults.size() > 1) {
                throw new TargetChoiceException("Dataset " + label(description) + " has " + defaults.size()
                    + " default targets (" + quoted(defaults) + "); sparselr fits one target: choose one of them as "
                    + "the target column.", defaults);
            }
            target = defaults.get(0);
        }
        final List<String> rowIds = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        for (final DatasetFeature f : features) {
            if (f.name().equals(target)) {
                continue; // a chosen target stays, whatever its flags (fetch_openml only warns)
            }
            if (f.isRowIdentifier()) {
                rowIds.add(f.name());
            } else if (f.isIgnore()) {
                ignored.add(f.name());
            }
        }
        return new ColumnRoles(target, rowIds, ignored);
    }

    /** The attributes that can be a target: nominal or string, neither ignored nor a row id. */
    static List<String> candidates(final List<DatasetFeature> features) {
        final List<String> names = new ArrayList<>();
        for (final DatasetFeature f : features) {
            if (f.canBeTarget() && !f.isIgnore() && !f.isRowIdentifier()) {
                names.add(f.name());
            }
        }
        return names;
    }

    private static String candidateText(final List<String> candidates) {
        return candidates.isEmpty() ? "it has no nominal or string attribute that could be one"
            : "its possible targets are " + quoted(candidates);
    }

    private static String label(final DatasetDescription d) {
        return d.id() + " ('" + d.name() + "')";
    }

    private static String quoted(final List<String> names) {
        final List<String> shown = names.size() > 20 ? names.subList(0, 20) : names;
        final StringBuilder s = new StringBuilder();
        for (final String n : shown) {
            s.append(s.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return names.size() > shown.size() ? s + " and " + (names.size() - shown.size()) + " more" : s.toString();
    }
}
