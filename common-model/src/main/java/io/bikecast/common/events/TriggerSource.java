package io.bikecast.common.events;

/** What asked for a training run or a change of champion. */
public enum TriggerSource {
    /** A person, through the REST API. */
    API,
    /** The training service's own cron schedule. */
    SCHEDULE,
    /** The monitoring service, after drift or degraded live error. */
    MONITORING,
    /** The ingest service, after new observations arrived. */
    INGEST
}
