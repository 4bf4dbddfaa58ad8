package io.bikecast.ingest.observation;

import io.bikecast.common.features.UciFeatures;
import io.bikecast.ingest.contract.Observation;
import java.time.LocalDateTime;

/**
 * A stored observation as the read API returns it: flat, with the same fields as a pushed JSON observation, so what is
 * read can be pushed back.
 */
record ObservationView(
        String seriesId,
        LocalDateTime hour,
        int season,
        int yr,
        int mnth,
        int hr,
        int holiday,
        int weekday,
        int workingday,
        int weathersit,
        double temp,
        double atemp,
        double hum,
        double windspeed,
        Integer casual,
        Integer registered,
        int cnt) {

    static ObservationView of(Observation o) {
        UciFeatures f = o.features();
        return new ObservationView(
                o.seriesId().value(),
                o.hour(),
                f.season(),
                f.yr(),
                f.mnth(),
                f.hr(),
                f.holiday(),
                f.weekday(),
                f.workingday(),
                f.weathersit(),
                f.temp(),
                f.atemp(),
                f.hum(),
                f.windspeed(),
                o.casual(),
                o.registered(),
                o.cnt());
    }
}
