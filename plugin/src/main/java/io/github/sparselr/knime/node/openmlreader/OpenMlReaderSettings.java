package io.github.sparselr.knime.node.openmlreader;

import java.nio.charset.Charset;
import java.nio.file.Path;
import io.github.sparselr.knime.node.NodeSettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The reader's settings: where the data comes from (OpenML or a local file) and the study's shuffle
 * and split. Defaults are the MNIST study's: mnist_784 version 1, shuffle seed 0, 5000 training and
 * 10000 test rows.
 */
final class OpenMlReaderSettings {

    static final String SOURCE_OPENML = "openml";
    static final String SOURCE_LOCAL = "local";

    static final String KEY_SOURCE = "source";
    static final String KEY_DATASET_NAME = "dataset_name";
    static final String KEY_DATASET_VERSION = "dataset_version";
    static final String KEY_DATASET_ID = "dataset_id";
    static final String KEY_SERVER_URL = "server_url";
    static final String KEY_CACHE_DIR = "cache_dir";
    static final String KEY_LOCAL_PATH = "local_path";
    static final String KEY_CSV_HEADER = "csv_header";
    static final String KEY_CSV_ENCODING = "csv_encoding";

    /**
     * The CSV encodings offered, as KNIME's CSV Reader names them; the first is the default. All are
     * supersets of ASCII, so a line ends at a '\n' byte and errors can name it.
     */
    static final String[] CSV_ENCODINGS = {"UTF-8", "ISO-8859-1", "windows-1252", "US-ASCII"};
    static final String KEY_TARGET = "target";
    static final String KEY_SHUFFLE_SEED = "shuffle_seed";
    static final String KEY_SPLIT_SEED = "split_seed";
    static final String KEY_TRAIN_ROWS = "train_rows";
    static final String KEY_TEST_ROWS = "test_rows";

    private final SettingsModelString m_source = new SettingsModelString(KEY_SOURCE, SOURCE_OPENML);
    private final SettingsModelString m_name = new SettingsModelString(KEY_DATASET_NAME, "mnist_784");
    private final SettingsModelIntegerBounded m_version =
        new SettingsModelIntegerBounded(KEY_DATASET_VERSION, 1, 1, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_id = new SettingsModelIntegerBounded(KEY_DATASET_ID, 0, 0,
        Integer.MAX_VALUE);
    private final SettingsModelString m_server = new SettingsModelString(KEY_SERVER_URL, "https://www.openml.org/");
    private final SettingsModelString m_cacheDir = new SettingsModelString(KEY_CACHE_DIR, "");
    private final SettingsModelString m_localPath = new SettingsModelString(KEY_LOCAL_PATH, "");
    private final SettingsModelBoolean m_csvHeader = new SettingsModelBoolean(KEY_CSV_HEADER, true);
    private final SettingsModelString m_csvEncoding = new AddedSettingsModelString(KEY_CSV_ENCODING, CSV_ENCODINGS[0]);
    private final SettingsModelString m_target = new SettingsModelString(KEY_TARGET, "");
    private final SettingsModelIntegerBounded m_shuffleSeed =
        new SettingsModelIntegerBounded(KEY_SHUFFLE_SEED, 0, 0, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_splitSeed =
        new SettingsModelIntegerBounded(KEY_SPLIT_SEED, 0, 0, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_trainRows =
        new SettingsModelIntegerBounded(KEY_TRAIN_ROWS, 5000, 0, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_testRows =
        new SettingsModelIntegerBounded(KEY_TEST_ROWS, 10000, 0, Integer.MAX_VALUE);

    private final NodeSettingsGroup m_group = new NodeSettingsGroup(m_source, m_name, m_version, m_id, m_server, m_cacheDir, m_localPath, m_csvHeader, m_target,
            m_shuffleSeed, m_splitSeed, m_trainRows, m_testRows, m_csvEncoding) {
        @Override
        protected void validateAcrossSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            final String source = settings.getString(KEY_SOURCE);
            if (!SOURCE_OPENML.equals(source) && !SOURCE_LOCAL.equals(source)) {
                throw new InvalidSettingsException("source must be 'openml' or 'local', was '" + source + "'.");
            }
            if (settings.containsKey(KEY_CSV_ENCODING)) {
                csvCharset(settings.getString(KEY_CSV_ENCODING));
            }
        }
    };

    SettingsModelString source() {
        return m_source;
    }

    SettingsModelString name() {
        return m_name;
    }

    SettingsModelIntegerBounded version() {
        return m_version;
    }

    SettingsModelIntegerBounded id() {
        return m_id;
    }

    SettingsModelString server() {
        return m_server;
    }

    SettingsModelString cacheDir() {
        return m_cacheDir;
    }

    SettingsModelString localPath() {
        return m_localPath;
    }

    SettingsModelBoolean csvHeader() {
        return m_csvHeader;
    }

    SettingsModelString csvEncoding() {
        return m_csvEncoding;
    }

    /** The CSV encoding as a charset. */
    Charset csvCharset() throws InvalidSettingsException {
        return csvCharset(m_csvEncoding.getStringValue());
    }

    private static Charset csvCharset(final String name) throws InvalidSettingsException {
        for (final String offered : CSV_ENCODINGS) {
            if (offered.equalsIgnoreCase(name)) {
                return Charset.forName(offered);
            }
        }
        throw new InvalidSettingsException("csv_encoding is '" + name + "'; choose one of "
            + String.join(", ", CSV_ENCODINGS) + ".");
    }

    SettingsModelString target() {
        return m_target;
    }

    SettingsModelIntegerBounded shuffleSeed() {
        return m_shuffleSeed;
    }

    SettingsModelIntegerBounded splitSeed() {
        return m_splitSeed;
    }

    SettingsModelIntegerBounded trainRows() {
        return m_trainRows;
    }

    SettingsModelIntegerBounded testRows() {
        return m_testRows;
    }

    boolean isLocal() {
        return SOURCE_LOCAL.equals(m_source.getStringValue());
    }

    /** The cache folder: the setting, else $SPARSELR_DATA, else ~/.cache/sparselr. */
    Path cacheRoot() {
        final String configured = m_cacheDir.getStringValue();
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        final String env = System.getenv("SPARSELR_DATA");
        return env != null && !env.isBlank() ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".cache", "sparselr");
    }

    /**
     * A string setting added after workflows were saved without it: when its key is absent it keeps its
     * default, so older workflows load unchanged.
     */
    private static final class AddedSettingsModelString extends SettingsModelString {
        private final String m_default;

        AddedSettingsModelString(final String key, final String defaultValue) {
            super(key, defaultValue);
            m_default = defaultValue;
        }

        @Override
        protected AddedSettingsModelString createClone() {
            final AddedSettingsModelString clone = new AddedSettingsModelString(getConfigName(), m_default);
            clone.setStringValue(getStringValue());
            return clone;
        }

        @Override
        protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
            if (settings.containsKey(getConfigName())) {
                super.validateSettingsForModel(settings);
            }
        }

        @Override
        protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
            if (settings.containsKey(getConfigName())) {
                super.loadSettingsForModel(settings);
            } else {
                setStringValue(m_default);
            }
        }
    }

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
