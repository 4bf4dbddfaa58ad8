package io.bikecast.platform.clock;

/** What the schedules of a service run on. */
public enum ClockMode {
    /** The wall clock: checks, refreshes and cooldowns follow real time. The default. */
    WALL,
    /**
     * The data clock: schedules advance with the hours of the actuals observed, not with real time, so that a replay or
     * a backtest of months of history shows the policy at work exactly as it would behave live.
     */
    DATA
}
