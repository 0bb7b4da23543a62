package dev.quire.store;

/**
 * How often the journal starts a new cycle file. A cycle file is the unit of reclamation: it is deleted
 * once it holds nothing live, so shorter cycles return disk space sooner at the cost of more files.
 */
public enum RollCycle
{
    /** One file per second; for tests and very high churn. */
    SECONDLY,
    /** One file per five minutes. */
    FIVE_MINUTELY,
    /** One file per ten minutes. */
    TEN_MINUTELY,
    /** One file per half hour. */
    HALF_HOURLY,
    /** One file per hour (the default). */
    HOURLY,
    /** One file per day. */
    DAILY
}
