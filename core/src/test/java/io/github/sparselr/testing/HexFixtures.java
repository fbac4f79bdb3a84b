package io.github.sparselr.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fixture files our Python scripts write: blocks that start with {@code case NAME …}, hold
 * lines {@code TAG COUNT v1 v2 …} with doubles in hexadecimal (exact bits) or plain words, and end with
 * {@code end}. Lines outside a case belong to the file's case {@code ""}.
 */
public final class HexFixtures {

    /** One case: its header words and its tagged value lines. */
    public record Case(List<String> header, Map<String, String[]> lines) {

        public String name() {
            return header.get(0);
        }

        public String header(final int index) {
            return header.get(index);
        }

        public boolean has(final String tag) {
            return lines.containsKey(tag);
        }

        public double[] doubles(final String tag) {
            final String[] words = words(tag);
            final double[] out = new double[words.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.parseDouble(words[i]);
            }
            return out;
        }

        public int[] ints(final String tag) {
            final String[] words = words(tag);
            final int[] out = new int[words.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Integer.parseInt(words[i]);
            }
            return out;
        }

        public String[] words(final String tag) {
            final String[] words = lines.get(tag);
            if (words == null) {
                throw new IllegalStateException("fixture case " + name() + " has no line '" + tag + "'");
            }
            return words;
        }
    }

    private HexFixtures() {
    }

    /** Reads every case of a class-path resource. */
    public static Map<String, Case> read(final String resource) {
        final InputStream in = HexFixtures.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("fixture " + resource + " is not on the test class path");
        }
        final Map<String, Case> cases = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            List<String> header = null;
            Map<String, String[]> lines = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                final String[] words = line.trim().split(" ");
                if (words[0].equals("case")) {
                    header = List.of(words).subList(1, words.length);
                    lines = new LinkedHashMap<>();
                } else if (words[0].equals("end")) {
                    cases.put(header.get(0), new Case(header, lines));
                    header = null;
                } else if (header == null) {
                    // a line outside any case: kept as the file's own case ""
                    cases.computeIfAbsent("", name -> new Case(List.of(""), new LinkedHashMap<>())).lines()
                        .put(words[0], valuesOf(words));
                } else {
                    lines.put(words[0], valuesOf(words));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static String[] valuesOf(final String[] words) {
        // "TAG COUNT v…" where COUNT is a number of values; "TAG v" for a single word
        if (words.length >= 2 && words[1].matches("\\d+") && Integer.parseInt(words[1]) == words.length - 2) {
            final List<String> values = new ArrayList<>(List.of(words).subList(2, words.length));
            return values.toArray(String[]::new);
        }
        return List.of(words).subList(1, words.length).toArray(String[]::new);
    }
}
