package io.bikecast.ingest.contract;

import java.util.Locale;

/** What a batch does with rows that break the data contract. */
public enum IngestMode {
    /** Any bad row rejects the whole batch: nothing is stored, every violation is reported. */
    STRICT,
    /** The default: good rows are stored, bad rows are quarantined as rejections of the batch. */
    LENIENT;

    /** The lower-case name used in requests, responses and the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
