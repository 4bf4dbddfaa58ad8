package io.bikecast.ingest.batch;

import io.bikecast.common.features.UciFeatures;
import io.bikecast.ingest.contract.Observation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The dataset version of a set of observations: SHA-256 over one canonical line per observation, in the order given
 * (callers sort by series and hour, so the hash does not depend on the order of the source).
 */
final class ContentHash {

    private ContentHash() {}

    static String of(List<Observation> sorted) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        StringBuilder line = new StringBuilder(160);
        for (Observation o : sorted) {
            UciFeatures f = o.features();
            line.setLength(0);
            line.append(o.seriesId().value()).append(',').append(o.hour()).append(',');
            line.append(f.season())
                    .append(',')
                    .append(f.yr())
                    .append(',')
                    .append(f.mnth())
                    .append(',');
            line.append(f.hr())
                    .append(',')
                    .append(f.holiday())
                    .append(',')
                    .append(f.weekday())
                    .append(',');
            line.append(f.workingday()).append(',').append(f.weathersit()).append(',');
            line.append(f.temp())
                    .append(',')
                    .append(f.atemp())
                    .append(',')
                    .append(f.hum())
                    .append(',');
            line.append(f.windspeed())
                    .append(',')
                    .append(o.casual())
                    .append(',')
                    .append(o.registered());
            line.append(',').append(o.cnt()).append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
