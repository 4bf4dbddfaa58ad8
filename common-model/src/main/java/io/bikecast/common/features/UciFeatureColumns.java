package io.bikecast.common.features;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the twelve features from a row whose columns carry the UCI names ({@code season} ... {@code windspeed}), as
 * {@code ingest.observation} stores them: the ingest service reads its rows back and the training service learns from
 * them through this one mapping, so the two cannot read the table differently.
 */
public final class UciFeatureColumns {

    private UciFeatureColumns() {}

    public static UciFeatures read(ResultSet row) throws SQLException {
        return new UciFeatures(
                row.getInt("season"),
                row.getInt("yr"),
                row.getInt("mnth"),
                row.getInt("hr"),
                row.getInt("holiday"),
                row.getInt("weekday"),
                row.getInt("workingday"),
                row.getInt("weathersit"),
                row.getDouble("temp"),
                row.getDouble("atemp"),
                row.getDouble("hum"),
                row.getDouble("windspeed"));
    }
}
