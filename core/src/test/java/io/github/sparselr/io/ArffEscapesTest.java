package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArffEscapesTest {

    /**
     * The fixture {@code arff-escapes/escapes.arff}; the expected strings are what
     * {@code arff-escapes/liac_escapes.py} printed (scikit-learn 1.2.1's liac-arff), copied verbatim.
     */
    @Test
    void readsEscapesAsScikitLearnsLiacArff() throws IOException {
        final DenseDataset data;
        try (InputStream in = ArffEscapesTest.class.getResourceAsStream("arff-escapes/escapes.arff")) {
            data = ArffReader.read(in, "escapes.arff", "c", 0, () -> false);
        }
        // names: ["id\\tname", "c"]
        assertThat(data.columnNames()).containsExactly("id\\tname");
        assertThat(data.targetName()).isEqualTo("c");
        // rows: [...]
        assertThat(data.labels()).containsExactly("a\\tb", "atb", "a\tb", "v\nw", "a\rb", "aA", "aA", "a\u0007b",
            "q's", "d\"q", "p%c", "b\bf\f");
        // 'a\\tb' and atb are two classes, as they are declared
        assertThat(data.values()).startsWith(1, 2);
    }

    @Test
    void keepsTwoDeclaredClassesThatAnEscapeTellsApart() throws IOException {
        final String arff = "@relation r\n@attribute x numeric\n@attribute c {'a\\tb',atb}\n@data\n1,'a\\tb'\n2,atb\n";
        final DenseDataset data = ArffReader.read(new ByteArrayInputStream(arff.getBytes(StandardCharsets.UTF_8)),
            null, 0, () -> false);
        assertThat(data.labels()).containsExactly("a\tb", "atb");
        assertThat(data.values()).containsExactly(1, 2);
    }

    @Test
    void refusesAnEscapeLiacArffDoesNotDefine() {
        final String arff = "@relation r\n@attribute x numeric\n@attribute s string\n@data\n1,'a\\x41'\n";
        assertThatThrownBy(() -> ArffReader.read(new ByteArrayInputStream(arff.getBytes(StandardCharsets.UTF_8)),
            "x.arff", "s", 0, () -> false)).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("x.arff, line 5").hasMessageContaining("\\x");
        final String upperHex = "@relation r\n@attribute x numeric\n@attribute c {'\\u004A'}\n@data\n1,'\\u004A'\n";
        assertThatThrownBy(() -> ArffReader.read(new ByteArrayInputStream(upperHex.getBytes(StandardCharsets.UTF_8)),
            "x.arff", null, 0, () -> false)).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("line 3").hasMessageContaining("\\u");
    }
}
