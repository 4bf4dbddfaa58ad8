package io.bikecast.monitoring.drift;

/**
 * Which reference rows a feature was tested against.
 *
 * @param reference {@value #SEASONAL} (the rows of the same weeks of the year, in every year of the reference) or
 *     {@value #ALL_HISTORY} (the whole reference sample)
 * @param referenceFrom for {@value #SEASONAL}, the first day of the year matched ({@code MM-dd}); else null
 * @param referenceTo for {@value #SEASONAL}, the last day of the year matched ({@code MM-dd}); else null
 * @param referenceSize the number of reference rows tested against
 * @param note why the whole reference was used where a seasonal one was wanted; else null
 */
public record ReferenceSelection(
        String reference, String referenceFrom, String referenceTo, int referenceSize, String note) {

    public static final String SEASONAL = "seasonal";
    public static final String ALL_HISTORY = "all-history";

    static ReferenceSelection allHistory(int size, String note) {
        return new ReferenceSelection(ALL_HISTORY, null, null, size, note);
    }

    /** A few words for a report's detail and the HTML page. */
    public String describe() {
        return SEASONAL.equals(reference)
                ? "seasonal reference (" + referenceFrom + " … " + referenceTo + " of every year, " + referenceSize
                        + " rows)"
                : "whole reference (" + referenceSize + " rows)" + (note == null ? "" : ": " + note);
    }
}
