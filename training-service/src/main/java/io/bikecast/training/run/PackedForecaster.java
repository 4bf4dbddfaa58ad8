package io.bikecast.training.run;

import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipInputStream;

/**
 * A forecaster in its stored form ({@value ForecasterArtifacts#FORMAT}) and the size of what it holds uncompressed,
 * the protobufs a loader parses.
 */
record PackedForecaster(byte[] bytes, long rawBytes) {

    static PackedForecaster of(Forecaster forecaster) {
        byte[] bytes = ForecasterArtifacts.write(forecaster);
        return new PackedForecaster(bytes, inflated(bytes));
    }

    private static long inflated(byte[] zip) {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                total += drain(in, buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure the forecaster artifact just written", e);
        }
        return total;
    }

    private static long drain(InputStream in, byte[] buffer) throws IOException {
        long count = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            count += read;
        }
        return count;
    }
}
