package io.bikecast.ingest.csv;

import io.bikecast.ingest.input.RefusedRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as strict UTF-8: a malformed sequence fails the read (it is not replaced by U+FFFD, which would turn a
 * Latin-1 or UTF-16 file into silently wrong values), a NUL character fails it too (the sign of UTF-16 or of a binary
 * file), and a leading byte-order mark is dropped.
 */
final class Utf8Reader extends Reader {

    private final Reader decoded;
    private boolean first = true;

    Utf8Reader(InputStream in) {
        this.decoded = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = decoded.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        if (first) {
            first = false;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\u0000') {
                throw new RefusedRead(
                        UciCsvReader.wrongEncoding("it contains NUL characters, as UTF-16 text or a binary file does"));
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        decoded.close();
    }
}
