package io.bikecast.training.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The version of a training set: a SHA-256 over its rows (series, hour, features, count), so equal data has equal versions. */
public final class DatasetVersion {

    private DatasetVersion() {}

    public static String of(List<TrainingRow> rows) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(8 * 16);
        for (TrainingRow row : rows) {
            buffer.clear();
            digest.update(row.seriesId().getBytes(StandardCharsets.US_ASCII));
            digest.update(row.hour().toString().getBytes(StandardCharsets.US_ASCII));
            for (double value : row.features().toVector()) {
                buffer.putDouble(value);
            }
            buffer.putDouble(row.count());
            digest.update(buffer.array(), 0, buffer.position());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
