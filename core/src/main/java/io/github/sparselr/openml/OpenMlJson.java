package io.github.sparselr.openml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads OpenML's JSON answers (the dataset list, a description, the features, the qualities) into
 * values, checking what the client relies on: every answer either gives a value or fails with an
 * {@link OpenMlException} that says what is wrong with it.
 */
final class OpenMlJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenMlJson() {
    }

    /** Parses a JSON document; malformed JSON is an {@link OpenMlException} naming {@code what}. */
    static JsonNode parse(final InputStream in, final String what) throws IOException {
        try {
            final JsonNode root = JSON.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw new OpenMlException(what + " is empty, not JSON.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new OpenMlException(what + " is not valid JSON: " + e.getOriginalMessage() + ".", e);
        } catch (CharConversionException e) {
            // Jackson's own check of the text encoding (found by OpenMlJsonFuzzTest)
            throw new OpenMlException(what + " is not valid JSON: its text is not properly encoded (" + e.getMessage()
                + ").", e);
        }
    }

    /** The id of the first dataset of {@code api/v1/json/data/list/...}. */
    static int datasetId(final JsonNode list, final String name, final int version) throws OpenMlException {
        final JsonNode did = list.path("data").path("dataset").path(0).path("did");
        final int id = did.isTextual() ? parseId(did.asText()) : did.canConvertToInt() && did.isIntegralNumber()
            ? did.asInt() : -1;
        if (id <= 0) {
            throw new OpenMlException("OpenML's answer for dataset '" + name + "' version " + version
                + " has no dataset id (data.dataset[0].did is " + brief(did) + ").");
        }
        // OpenML matches names case-insensitively; any other name means the question was not the one asked
        // (a name such as '..' that a URL would resolve away)
        final String answered = scalar(list.path("data").path("dataset").path(0), "name");
        if (answered == null || !answered.equalsIgnoreCase(name)) {
            throw new OpenMlException("OpenML's answer for dataset '" + name + "' version " + version + " names "
                + (answered == null ? "no dataset" : "the dataset '" + abbreviate(answered) + "'") + " (id " + id
                + "), not the one asked for; check the dataset name, or give the dataset id.");
        }
        return id;
    }

    /** The description of dataset {@code id} from {@code api/v1/json/data/{id}}. */
    static DatasetDescription description(final int id, final JsonNode root) throws OpenMlException {
        final JsonNode d = root.path("data_set_description");
        if (!d.isObject()) {
            throw new OpenMlException("OpenML's description of dataset " + id + " has no data_set_description.");
        }
        // the file id becomes a path on the server and in the cache: OpenML's API defines it as a number
        final String fileId = scalar(d, "file_id");
        if (fileId == null || !fileId.matches("[0-9]{1,18}")) {
            throw new OpenMlException("OpenML's description of dataset " + id + " gives the file_id "
                + (fileId == null ? "nothing" : "'" + abbreviate(fileId) + "'") + ", but OpenML's API defines file ids "
                + "as numbers; this answer cannot be used. Check the OpenML server URL.");
        }
        final String md5 = scalar(d, "md5_checksum") == null ? "" : scalar(d, "md5_checksum").toLowerCase(Locale.ROOT);
        if (!md5.isEmpty() && !md5.matches("[0-9a-f]{32}")) {
            throw new OpenMlException("OpenML's description of dataset " + id + " gives the md5_checksum '"
                + abbreviate(md5) + "', which is not an MD5 (32 hexadecimal digits); this answer cannot be used.");
        }
        final String version = scalar(d, "version");
        return new DatasetDescription(id, text(d, "name"), version != null && version.matches("[0-9]{1,9}")
            ? Integer.parseInt(version) : 0, fileId, scalar(d, "url"), md5, text(d, "format"),
            scalar(d, "default_target_attribute"), text(d, "status"));
    }

    /** The features of dataset {@code id} from {@code api/v1/json/data/features/{id}}, in ARFF order. */
    static List<DatasetFeature> features(final int id, final JsonNode root) throws OpenMlException {
        final JsonNode list = root.path("data_features").path("feature");
        if (!list.isArray() && !list.isObject()) {
            throw new OpenMlException("OpenML's feature list of dataset " + id + " has no data_features.feature.");
        }
        final List<DatasetFeature> features = new ArrayList<>();
        // a list of one may come as the object itself
        for (final JsonNode f : list.isArray() ? list : List.of(list)) {
            final String name = scalar(f, "name");
            if (name == null || name.isEmpty()) {
                throw new OpenMlException("OpenML's feature list of dataset " + id + " has a feature without a name "
                    + "(data_features.feature[" + features.size() + "]).");
            }
            for (int i = 0; i < features.size(); i++) {
                if (features.get(i).name().equals(name)) {
                    throw new OpenMlException("OpenML's feature list of dataset " + id + " names '" + abbreviate(name)
                        + "' twice (data_features.feature[" + i + "] and [" + features.size() + "]); attribute names "
                        + "must be unique, so this answer cannot be used.");
                }
            }
            final String index = scalar(f, "index");
            features.add(new DatasetFeature(index != null && index.matches("[0-9]{1,9}") ? Integer.parseInt(index)
                : features.size(), name, text(f, "data_type").toLowerCase(Locale.ROOT), flag(f, "is_target"),
                flag(f, "is_ignore"), flag(f, "is_row_identifier"), nominalValues(f)));
        }
        return features;
    }

    /** A feature's {@code nominal_value}: a list, or one value written as the value itself; else empty. */
    private static List<String> nominalValues(final JsonNode feature) {
        final JsonNode values = feature.path("nominal_value");
        final List<String> out = new ArrayList<>();
        for (final JsonNode v : values.isArray() ? values : List.of(values)) {
            if (v.isValueNode() && !v.isNull()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    /**
     * OpenML's NumberOfInstances quality from {@code api/v1/json/data/qualities/{id}}, or 0 if it does not
     * say or says something that is no row count (it is only a hint).
     */
    static int numberOfInstances(final JsonNode root) {
        for (final JsonNode q : root.path("data_qualities").path("quality")) {
            if ("NumberOfInstances".equals(scalar(q, "name"))) {
                final String text = scalar(q, "value");
                try {
                    final double value = text == null ? 0 : Double.parseDouble(text);
                    return value >= 1 && value < Integer.MAX_VALUE ? (int) value : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** A field's text if it is a string or number, null if absent, null or structured. */
    private static String scalar(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    private static String text(final JsonNode node, final String field) {
        final String s = scalar(node, field);
        return s == null ? "" : s;
    }

    /** OpenML writes flags as the strings "true"/"false" (fetch_openml compares with "true"). */
    private static boolean flag(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value != null && ("true".equals(value.asText()) || value.isBoolean() && value.booleanValue());
    }

    private static int parseId(final String text) {
        return text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : -1;
    }

    private static String brief(final JsonNode node) {
        return node.isMissingNode() ? "missing" : abbreviate(node.toString());
    }

    private static String abbreviate(final String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
