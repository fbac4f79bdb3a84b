package io.github.sparselr.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text from bytes in one encoding, where bytes the encoding cannot decode are an error naming their line
 * (never replacement characters, which would merge e.g. "café" and "cafè" into one class). A UTF-8
 * byte-order mark at the start of UTF-8 text is dropped, as pandas' {@code read_csv} drops it. Lines are
 * counted by '\n' bytes, which all supported encodings (ASCII supersets) share.
 */
final class StrictTextReader extends Reader {

    /** Makes the caller's format exception from a message. */
    interface FormatError {
        IOException of(String message);
    }

    private final InputStream in;
    private final Charset charset;
    private final String source;
    private final FormatError error;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private long newlinesConsumed;
    private boolean started;
    private boolean eof;
    private boolean flushed;

    /**
     * @param source how errors name the input, e.g. the file
     */
    StrictTextReader(final InputStream in, final Charset charset, final String source, final FormatError error) {
        this.in = in;
        this.charset = charset;
        this.source = source;
        this.error = error;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip(); // empty, ready to read
    }

    @Override
    public int read(final char[] chars, final int offset, final int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        final CharBuffer out = CharBuffer.wrap(chars, offset, length);
        while (out.position() == offset) {
            if (!bytes.hasRemaining() && eof) {
                if (!flushed) {
                    flushed = true;
                    check(decoder.decode(bytes, out, true));
                    decoder.flush(out);
                    continue;
                }
                return -1;
            }
            final int before = bytes.position();
            final CoderResult result = decoder.decode(bytes, out, eof);
            countNewlines(before, bytes.position());
            check(result);
            if (result.isUnderflow() && out.position() == offset) {
                fill();
            }
        }
        return out.position() - offset;
    }

    private void check(final CoderResult result) throws IOException {
        if (result.isError()) {
            final int bad = bytes.get(bytes.position()) & 0xff;
            throw error.of(source + ", line " + (newlinesConsumed + 1) + ": the byte " + String.format("%02X", bad)
                + " is not " + charset.name() + " text; choose the file's encoding (e.g. ISO-8859-1 or windows-1252 "
                + "for files from older Excel versions) or save the file as UTF-8.");
        }
    }

    private void countNewlines(final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (bytes.get(i) == '\n') {
                newlinesConsumed++;
            }
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        final int n = in.readNBytes(bytes.array(), bytes.position(), bytes.remaining());
        eof = n == 0;
        bytes.position(bytes.position() + n);
        bytes.flip();
        if (!started) {
            started = true;
            if (bytes.remaining() >= 2 && !charset.name().startsWith("UTF-16")
                && (bytes.get(0) == (byte) 0xff && bytes.get(1) == (byte) 0xfe
                    || bytes.get(0) == (byte) 0xfe && bytes.get(1) == (byte) 0xff)) {
                // Excel's "Unicode Text" and PowerShell write UTF-16: no ASCII-based encoding decodes it
                throw error.of(source + " starts with a UTF-16 byte-order mark (" + String.format("%02X %02X",
                    bytes.get(0), bytes.get(1)) + "): the file is UTF-16 text; save it again as UTF-8 (e.g. Excel's "
                    + "\"CSV UTF-8\", or iconv -f UTF-16 -t UTF-8).");
            }
            if (charset.equals(StandardCharsets.UTF_8) && bytes.remaining() >= 3 && bytes.get(0) == (byte) 0xef
                && bytes.get(1) == (byte) 0xbb && bytes.get(2) == (byte) 0xbf) {
                bytes.position(3); // the byte-order mark Excel's "CSV UTF-8" writes
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
