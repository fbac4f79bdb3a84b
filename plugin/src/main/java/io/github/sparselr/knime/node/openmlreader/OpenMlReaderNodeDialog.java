package io.github.sparselr.knime.node.openmlreader;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The reader's dialog: the source, then the shuffle and split. */
final class OpenMlReaderNodeDialog extends DefaultNodeSettingsPane {

    OpenMlReaderNodeDialog() {
        final OpenMlReaderSettings s = new OpenMlReaderSettings();
        addDialogComponent(new DialogComponentStringSelection(s.source(), "Source", OpenMlReaderSettings.SOURCE_OPENML,
            OpenMlReaderSettings.SOURCE_LOCAL));
        createNewGroup("OpenML");
        addDialogComponent(new DialogComponentString(s.name(), "Dataset name"));
        addDialogComponent(new DialogComponentNumberEdit(s.version(), "Version"));
        addDialogComponent(new DialogComponentNumberEdit(s.id(), "or dataset id (0: by name)"));
        addDialogComponent(new DialogComponentString(s.server(), "Server URL"));
        addDialogComponent(new DialogComponentString(s.cacheDir(), "Cache folder (empty: ~/.cache/sparselr)"));
        closeCurrentGroup();
        createNewGroup("Local file");
        addDialogComponent(new DialogComponentString(s.localPath(), "ARFF, CSV, or IDX file or folder"));
        addDialogComponent(new DialogComponentBoolean(s.csvHeader(), "CSV has a header line"));
        addDialogComponent(new DialogComponentStringSelection(s.csvEncoding(), "CSV encoding",
            OpenMlReaderSettings.CSV_ENCODINGS));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentString(s.target(), "Target column (empty: the dataset's default)"));
        createNewGroup("Shuffle and split (numpy RandomState, train_test_split)");
        addDialogComponent(new DialogComponentNumberEdit(s.shuffleSeed(), "Shuffle seed"));
        addDialogComponent(new DialogComponentNumberEdit(s.splitSeed(), "Split seed"));
        addDialogComponent(new DialogComponentNumberEdit(s.trainRows(), "Training rows (0: all remaining)"));
        addDialogComponent(new DialogComponentNumberEdit(s.testRows(), "Test rows (0: none)"));
        closeCurrentGroup();
    }
}
