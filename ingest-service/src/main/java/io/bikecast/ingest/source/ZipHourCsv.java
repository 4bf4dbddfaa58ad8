package io.bikecast.ingest.source;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.input.BoundedInputStream;
import io.bikecast.ingest.input.RefusedRead;
import io.bikecast.ingest.input.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Finds {@code hour.csv} in a zip (the official UCI archive keeps it at the top level; any directory is accepted) and
 * streams it, counting every decompressed byte of the archive, entries skipped on the way included: a zip bomb is
 * refused after {@code maxUncompressedSize} bytes, an archive of countless entries after {@code maxEntries}.
 */
final class ZipHourCsv {

    static final String ENTRY = "hour.csv";

    private ZipHourCsv() {}

    /**
     * Positions a zip on its {@code hour.csv} entry.
     *
     * @return a stream of the entry's content
     * @throws ArchiveRefusedException if there is no {@code hour.csv}, the archive is broken or too large once
     *     decompressed
     * @throws SourceUnavailableException if reading it failed
     */
    static InputStream open(InputStream zipped, IngestProperties.Archive limits) {
        long maxBytes = limits.maxUncompressedSize().toBytes();
        ZipInputStream zip = new ZipInputStream(zipped);
        // Everything decompressed passes through this one counter.
        BoundedInputStream inflated = new BoundedInputStream(zip, maxBytes, () -> bomb(maxBytes));
        byte[] skip = new byte[8192];
        try {
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new ArchiveRefusedException(
                            ArchiveRefusedException.Reason.BOMB,
                            "The zip has more than " + limits.maxEntries()
                                    + " entries before hour.csv (bikecast.ingest.archive.max-entries).");
                }
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!entry.isDirectory() && base.equalsIgnoreCase(ENTRY)) {
                    return inflated;
                }
                while (inflated.read(skip) >= 0) {
                    // Reads through the entry so that its decompressed size counts against the limit.
                }
            }
        } catch (RefusedRead refused) {
            throw refused.refusal();
        } catch (ZipException e) {
            throw new ArchiveRefusedException(
                    ArchiveRefusedException.Reason.BROKEN, "The zip cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // ZipInputStream's way of saying that an entry's name is not valid UTF-8.
            throw new ArchiveRefusedException(
                    ArchiveRefusedException.Reason.BROKEN, "The zip cannot be read: an entry's name is not UTF-8.");
        } catch (IOException e) {
            throw new SourceUnavailableException(
                    SourceUnavailableException.Reason.UNREADABLE, "Reading the zip failed: " + e.getMessage());
        }
        throw new ArchiveRefusedException(ArchiveRefusedException.Reason.NO_HOUR_CSV, "The zip has no entry hour.csv.");
    }

    private static ArchiveRefusedException bomb(long maxBytes) {
        return new ArchiveRefusedException(
                ArchiveRefusedException.Reason.BOMB,
                "The zip decompresses to more than " + maxBytes
                        + " bytes (bikecast.ingest.archive.max-uncompressed-size).");
    }
}
