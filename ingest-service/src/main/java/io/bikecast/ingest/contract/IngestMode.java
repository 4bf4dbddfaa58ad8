package io.bikecast.ingest.contract;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.util.List;
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

    /**
     * Reads a mode as a request gives it; null or blank means {@link #LENIENT}.
     *
     * @throws ProblemException 400 naming the accepted values
     */
    public static IngestMode parse(String text) {
        if (text == null || text.isBlank()) {
            return LENIENT;
        }
        for (IngestMode mode : values()) {
            if (mode.value().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw ProblemException.badRequest(
                "Unknown ingest mode.", List.of(new InvalidField("mode", "must be 'strict' or 'lenient'", text)));
    }
}
