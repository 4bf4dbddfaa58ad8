package io.bikecast.ingest.contract;

/**
 * One way one row breaks the data contract.
 *
 * @param line where the row is: the CSV line number (the header is line 1) or the 1-based position of a JSON
 *     observation in its batch
 * @param column the column (or JSON field) at fault
 * @param value the offending value as the source gave it (null when it was missing), at most 200 characters
 * @param reason what is wrong, in words
 */
public record Violation(long line, String column, String value, String reason) {

    private static final int MAX_VALUE_LENGTH = 200;

    public Violation {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…";
        }
    }
}
