package io.bikecast.ingest.weather;

/** An Open-Meteo answer that cannot be read as hourly weather at all; the poll records the reason. */
final class UnusableAnswerException extends RuntimeException {

    UnusableAnswerException(String reason) {
        super(reason);
    }
}
