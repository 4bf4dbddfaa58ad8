package io.bikecast.common.events;

/** Which registry alias produced a prediction. */
public enum ServedBy {
    CHAMPION,
    CHALLENGER
}
