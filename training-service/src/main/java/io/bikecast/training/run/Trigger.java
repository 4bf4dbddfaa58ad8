package io.bikecast.training.run;

import io.bikecast.common.events.TriggerSource;

/** What asked for a training run, as stored in {@code training_run.trigger} and in the alias history. */
public enum Trigger {
    /** A person, through {@code POST /api/v1/training-runs}. */
    API("api"),
    /** The cron schedule. */
    SCHEDULE("schedule"),
    /** The monitoring service, after drift or a degraded live error. */
    DRIFT("drift"),
    /** New observations were ingested (only when that trigger is enabled). */
    INGEST("ingest");

    private final String dbValue;

    Trigger(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static Trigger fromDb(String value) {
        for (Trigger trigger : values()) {
            if (trigger.dbValue.equals(value)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown trigger " + value);
    }

    /** The trigger of a {@code training-requested} event's source. */
    public static Trigger of(TriggerSource source) {
        return switch (source) {
            case API -> API;
            case SCHEDULE -> SCHEDULE;
            case MONITORING -> DRIFT;
            case INGEST -> INGEST;
        };
    }

    public TriggerSource toSource() {
        return switch (this) {
            case API -> TriggerSource.API;
            case SCHEDULE -> TriggerSource.SCHEDULE;
            case DRIFT -> TriggerSource.MONITORING;
            case INGEST -> TriggerSource.INGEST;
        };
    }
}
