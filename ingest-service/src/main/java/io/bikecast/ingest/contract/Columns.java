package io.bikecast.ingest.contract;

import java.util.List;

/** The column names of the UCI {@code hour.csv} format, which JSON batches and the database share. */
public final class Columns {

    public static final String INSTANT = "instant";
    public static final String DTEDAY = "dteday";
    public static final String HOUR = "hour";
    public static final String SERIES_ID = "seriesId";
    public static final String SEASON = "season";
    public static final String YR = "yr";
    public static final String MNTH = "mnth";
    public static final String HR = "hr";
    public static final String HOLIDAY = "holiday";
    public static final String WEEKDAY = "weekday";
    public static final String WORKINGDAY = "workingday";
    public static final String WEATHERSIT = "weathersit";
    public static final String TEMP = "temp";
    public static final String ATEMP = "atemp";
    public static final String HUM = "hum";
    public static final String WINDSPEED = "windspeed";
    public static final String CASUAL = "casual";
    public static final String REGISTERED = "registered";
    public static final String CNT = "cnt";

    /** The columns a CSV must have; {@code instant}, {@code casual} and {@code registered} are optional. */
    public static final List<String> REQUIRED_CSV = List.of(
            DTEDAY, SEASON, YR, MNTH, HR, HOLIDAY, WEEKDAY, WORKINGDAY, WEATHERSIT, TEMP, ATEMP, HUM, WINDSPEED, CNT);

    /** The optional columns a CSV may have. */
    public static final List<String> OPTIONAL_CSV = List.of(INSTANT, CASUAL, REGISTERED);

    private Columns() {}
}
