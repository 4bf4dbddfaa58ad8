package io.bikecast.ingest.gbfs;

import io.bikecast.common.series.SeriesId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The series id of a GBFS station, from its system's id and its {@code station_id}.
 *
 * <ul>
 *   <li>{@code <system>-<station_id>} if the station id is already clean (lower-case letters, digits, {@code _} and
 *       {@code -}, starting with a letter or digit) and the whole fits in 64 characters: {@code citibike-72};
 *   <li>otherwise {@code <system>-<prefix>-<hash>}: the prefix is the station id lower-cased, every run of other
 *       characters turned into one {@code -}, cut to fit; the hash the first 8 hex digits of the SHA-256 of the
 *       original station id ({@code citibike-66db3c93-...-1a2b3c4d} for a UUID in upper case, {@code bixi-a-b-5e1f...}
 *       for {@code A.B}). Two station ids that sanitise alike therefore differ by their hash.
 * </ul>
 *
 * A clean id never collides with another clean id, and hashed ids only on a hash collision; should a candidate already
 * belong to another station, 16 hex digits are used instead, then 32. The id chosen is stored in {@code gbfs_station}
 * and never recomputed, so a later change of this rule cannot move a station's history to another series.
 */
final class SeriesIds {

    private static final int MAX = 64;

    private SeriesIds() {}

    /**
     * @param taken whether a candidate already belongs to another station of any system
     */
    static SeriesId assign(String systemId, String stationId, Predicate<String> taken) {
        String plain = systemId + "-" + stationId;
        if (plain.length() <= MAX && SeriesId.PATTERN.matcher(plain).matches() && !taken.test(plain)) {
            return new SeriesId(plain);
        }
        String hash = sha256(stationId);
        String prefix = sanitise(stationId);
        for (int digits : new int[] {8, 16, 32}) {
            String candidate = hashed(systemId, prefix, hash.substring(0, digits));
            if (!taken.test(candidate)) {
                return new SeriesId(candidate);
            }
        }
        throw new IllegalStateException("No free series id for station '" + stationId + "' of " + systemId);
    }

    private static String hashed(String systemId, String prefix, String hash) {
        int room = MAX - systemId.length() - hash.length() - 2;
        String cut = prefix.length() > room ? trimDashes(prefix.substring(0, Math.max(room, 0))) : prefix;
        return cut.isEmpty() ? systemId + "-" + hash : systemId + "-" + cut + "-" + hash;
    }

    /** Lower case, every run of characters outside {@code [a-z0-9_]} turned into one {@code -}, no edge dashes. */
    static String sanitise(String stationId) {
        String lower = stationId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-");
        return trimDashes(lower);
    }

    private static String trimDashes(String value) {
        return value.replaceAll("^[-_]+|[-_]+$", "");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
