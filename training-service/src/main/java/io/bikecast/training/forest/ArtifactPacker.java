package io.bikecast.training.forest;

import io.bikecast.model.ModelArtifacts;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Writes a model in the stored form {@link ModelArtifacts} reads ({@value ModelArtifacts#FORMAT}) and counts the raw
 * protobuf bytes on the way into the compressor: a forest's protobuf is hundreds of megabytes, and serializing it a
 * second time only to learn its size cost seconds per run.
 */
public final class ArtifactPacker {

    private ArtifactPacker() {}

    /** The stored bytes and the size of the uncompressed protobuf they hold. */
    public record Packed(byte[] bytes, long rawBytes) {}

    public static Packed pack(Model<Regressor> model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        CountingStream counted;
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            counted = new CountingStream(gzip);
            model.serialize().writeTo(counted);
            counted.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model artifact", e);
        }
        return new Packed(bytes.toByteArray(), counted.count);
    }

    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
