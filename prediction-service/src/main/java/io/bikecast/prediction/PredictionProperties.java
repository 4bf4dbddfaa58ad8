package io.bikecast.prediction;

import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.PlausibleYears;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the prediction service serves and logs ({@code bikecast.prediction.*}).
 *
 * @param modelName the registry model whose champion (and challenger) is served (default {@code bike-demand})
 * @param maxBatchRows the most rows one batch request may hold (default 10,000); a larger batch gets 400
 * @param registryRefreshInterval how often the registry's aliases are re-read even without a model-promoted event
 *     (default 30 s): it catches a promotion whose event was missed (Kafka down, or before this instance subscribed).
 *     While the registry cannot be reached, {@code registry.retry-interval} applies instead
 * @param registry where the models come from: the training service's registry API, and the disk cache of the last
 *     good ones
 * @param challenger how the challenger, when the registry names one, gets traffic
 * @param log how every prediction is published as a {@code prediction-logged} event
 * @param plausibleYears the years a request's {@code timestamp}, {@code hour} or {@code issuedAt} may name (default
 *     1970 to 2100); any other is a 400 naming the field
 * @param history the recent actual demand kept per series, which the history features of a forecast are made of
 * @param ingest the ingest service, whose export API the recent demand is rebuilt from at start-up
 * @param intervals how the served 80% intervals are kept at 80% on live data
 * @param families model families served beside the default model, each for the series whose ids start with its
 *     prefix (default none)
 */
@Validated
@ConfigurationProperties("bikecast.prediction")
public record PredictionProperties(
        @DefaultValue("bike-demand") @NotBlank String modelName,
        @DefaultValue("10000") @Min(1) int maxBatchRows,
        @DefaultValue("30s") @NotNull Duration registryRefreshInterval,
        @DefaultValue @Valid Registry registry,
        @DefaultValue @Valid Challenger challenger,
        @DefaultValue @Valid Log log,
        @DefaultValue PlausibleYears plausibleYears,
        @DefaultValue @Valid History history,
        @DefaultValue @Valid Ingest ingest,
        @DefaultValue @Valid Intervals intervals,
        @DefaultValue List<@Valid Family> families) {

    /**
     * A model family served beside the default model: its own champion and challenger from the training service's
     * registry ({@code ?model=}), serving every series whose id starts with its prefix, e.g. the stations of a GBFS
     * system. The longest matching prefix wins; a series no family claims is the default model's.
     *
     * @param modelName the family's registry name, as the training service's {@code bikecast.training.families}
     *     names it
     * @param seriesPrefix what the ids of its series start with, e.g. {@code citibike-}
     * @param weatherLocation the ingest service's weather location its forecasts read (default: the prefix without
     *     its last {@code -}, {@code citibike}, the location ingest names after a GBFS system), unless {@code
     *     bikecast.prediction.weather.locations} names one for a series
     * @param timeZone the zone its series' local hours are in: the GBFS system's {@code system_information.timezone},
     *     which ingest derives its station hours in (default America/New_York, the UCI data's). It maps the stored
     *     weather, kept by UTC hour, onto the series' hours, and gives the current local hour of a series without
     *     actuals
     */
    public record Family(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}")
            String modelName,

            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}")
            String seriesPrefix,

            @Nullable String weatherLocation,
            @Nullable ZoneId timeZone) {

        public Family {
            if (weatherLocation == null && seriesPrefix != null) {
                weatherLocation = seriesPrefix.replaceAll("[-_]+$", "");
            }
            if (timeZone == null) {
                timeZone = SeriesId.ZONE;
            }
        }
    }

    /** The zone of a series' local hours: its family's, or the UCI data's ({@link SeriesId#ZONE}). */
    public ZoneId zoneOf(String seriesId) {
        return familyOf(seriesId).map(Family::timeZone).orElse(SeriesId.ZONE);
    }

    /** The family serving the series: the one with the longest prefix its id starts with, if any. */
    public Optional<Family> familyOf(String seriesId) {
        Family best = null;
        for (Family family : families) {
            if (seriesId.startsWith(family.seriesPrefix())
                    && (best == null
                            || family.seriesPrefix().length()
                                    > best.seriesPrefix().length())) {
                best = family;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The model that serves the series: its family's, or the default model. */
    public String modelFor(String seriesId) {
        return familyOf(seriesId).map(Family::modelName).orElse(modelName);
    }

    /**
     * Live calibration of the 80% intervals (adaptive conformal inference): each lead's offsets are scaled, per version
     * and series, from whether the actuals fell inside what it served.
     *
     * @param adaptationRate how far one actual moves the scale's logarithm (default 0.02: a miss widens the interval
     *     by 1.6%, a hit narrows it by 0.4%, so a lead that covers 85% instead of 80% is corrected over a few hundred
     *     hours without the scale jumping with every bad day); 0 serves the offsets as trained
     * @param minScale the narrowest the interval may become, as a multiple of the trained offsets (default 0.5)
     * @param maxScale the widest the interval may become, as a multiple of the trained offsets (default 3)
     */
    public record Intervals(
            @DefaultValue("0.02") @DecimalMin("0.0") @DecimalMax("1.0")
            double adaptationRate,

            @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1.0")
            double minScale,

            @DefaultValue("3") @DecimalMin("1.0") @DecimalMax("100.0")
            double maxScale) {}

    /**
     * The recent actual demand of each series, from the {@code actual-observed} events and, at start-up, the ingest
     * service's export. Memory is bounded by {@code maxHours × maxSeries}: 16 bytes an hour, so the defaults hold at
     * most about 13 MB.
     *
     * @param maxHours the hours kept per series, counted back from its latest actual (default 840 = 5 weeks: the
     *     4-week same-hour mean at lead 24 reads back 4 weeks and a day)
     * @param maxSeries the series kept (default 1,000, a large bike-share system's stations); an actual of a new
     *     series beyond it drops the series whose latest actual is oldest
     * @param groupPrefix prefix of the per-instance consumer group of the actuals listener (default {@code
     *     prediction-history}): every instance must see every actual, so each gets a group of its own
     * @param retryInterval the first wait after a failed rebuild from the ingest service (default 5 s), doubled after
     *     each failure in a row up to {@code maxRetryInterval} (default 1 min)
     */
    public record History(
            @DefaultValue("840") @Min(1) int maxHours,
            @DefaultValue("1000") @Min(1) int maxSeries,
            @DefaultValue("prediction-history") @NotBlank String groupPrefix,
            @DefaultValue("5s") @NotNull Duration retryInterval,
            @DefaultValue("1m") @NotNull Duration maxRetryInterval) {}

    /**
     * The ingest service's read API.
     *
     * @param baseUrl its base URL (default {@code http://localhost:8081}; {@code BIKECAST_INGEST_URL})
     * @param connectTimeout how long to wait for a connection (default 2 s)
     * @param readTimeout the longest wait for the next bytes of an export, which is streamed (default 60 s)
     */
    public record Ingest(
            @DefaultValue("http://localhost:8081") @NotNull URI baseUrl,
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("60s") @NotNull Duration readTimeout) {}

    /**
     * The training service's registry API, the only source of models, and the local copy of the last good ones.
     *
     * @param baseUrl the training service's base URL (default {@code http://localhost:8082}; {@code
     *     BIKECAST_TRAINING_URL})
     * @param cacheDirectory where the last served champion and challenger are kept, artifact and reference sample, so
     *     that the service can start and serve while the training service is away (default {@code
     *     ${java.io.tmpdir}/bikecast-prediction-cache}; {@code BIKECAST_PREDICTION_CACHE_DIR}). Give each instance a
     *     directory that outlives a restart
     * @param connectTimeout how long to wait for a connection to the training service (default 2 s)
     * @param readTimeout how long to wait for a whole answer, an artifact's download included (default 60 s: a 100-tree
     *     forest is 10–20 MB)
     * @param retryInterval how soon to look again while the registry names no champion, and the first wait after a
     *     failed refresh (default 5 s)
     * @param maxRetryInterval the longest wait between refreshes that keep failing (default 1 min): after each failure
     *     in a row the wait doubles from {@code retryInterval} up to this, so a registry that is down is not hammered
     *     and one that is back is found within a minute; a promotion event triggers a refresh at once regardless
     * @param maxArtifactSize the largest artifact loaded (default 256 MB; a 100-tree forest is 10–20 MB). A version the
     *     registry describes as larger is refused before its download, so a mistaken or hostile registration cannot
     *     exhaust the service's memory; raise it for a model meant to be this large
     */
    public record Registry(
            @DefaultValue("http://localhost:8082") @NotNull URI baseUrl,
            @Nullable Path cacheDirectory,
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("60s") @NotNull Duration readTimeout,
            @DefaultValue("5s") @NotNull Duration retryInterval,
            @DefaultValue("1m") @NotNull Duration maxRetryInterval,
            @DefaultValue("256MB") @NotNull DataSize maxArtifactSize) {

        /** The default cache directory, under the JVM's temporary directory. */
        public static final String DEFAULT_CACHE_DIRECTORY_NAME = "bikecast-prediction-cache";

        public Registry {
            if (cacheDirectory == null) {
                cacheDirectory = Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_CACHE_DIRECTORY_NAME);
            }
        }
    }

    /** How a challenger is served. */
    public enum ChallengerMode {
        /** The challenger is loaded but gets no traffic. */
        OFF,
        /** The challenger answers a share of requests (sticky per client key), and its answers are returned. */
        AB,
        /** The challenger predicts every request too; its answers are only logged (shadow = true), never returned. */
        SHADOW
    }

    /**
     * Challenger traffic.
     *
     * @param mode {@code shadow} (default: a challenger is evaluated on live traffic without any client seeing its
     *     answers), {@code ab} or {@code off}
     * @param share in {@code ab} mode, the fraction of requests the challenger answers, 0 to 1 (default 0.1). A request
     *     with a {@code clientKey} is routed by a hash of the key, so one client always sees the same model; one
     *     without is routed at random
     * @param shadowPerSecond in {@code shadow} mode, the most requests a second (per instance) the challenger also
     *     predicts, in bursts of up to a second's worth (default 100; 0 = every request). A shadow prediction doubles
     *     the model and logging work of its request: at 2,000 requests a second, shadowing all of them filled the two
     *     cores of the local suite and took its p99 from 5 to 37-67 ms. 100 a second is 360,000 challenger
     *     predictions an hour, plenty for its live error, and a quiet service still shadows every request
     */
    public record Challenger(
            @DefaultValue("SHADOW") @NotNull ChallengerMode mode,

            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("1.0")
            double share,

            @DefaultValue("100") @Min(0) int shadowPerSecond) {}

    /**
     * The prediction log: a bounded in-memory buffer drained to Kafka by a background publisher, so that a request
     * never waits for Kafka and a Kafka outage only delays events.
     *
     * @param capacity events the buffer holds while Kafka is slow or down (default 100,000, a few tens of MB); a
     *     prediction made while it is full is still answered, but its event is dropped, logged and counted in {@code
     *     bikecast.prediction.log.dropped}
     * @param batchSize predictions the publisher takes from the buffer and sends as one record (default 500, at most
     *     2,000: a record of 2,000 is about 400 KB, under Kafka's default limit of 1 MB a record)
     * @param linger the shortest time between two batches, unless a full batch waits (default 50 ms): the publisher
     *     looks at the buffer on its own clock instead of being woken by each request, so at 2,000 requests a second
     *     it sends some 20 batches of 100 rather than hundreds of tiny ones, and the broker, the monitoring service's
     *     consumer and its database see 20 batches too; events reach Kafka at most this much later
     * @param sendTimeout how long the publisher waits for Kafka to acknowledge a batch before it retries the unsent
     *     events (default 40 s, above the producer's {@code delivery.timeout.ms})
     * @param retryBackoff the first wait before retrying a batch Kafka did not take (default 200 ms), doubled up to
     *     {@code maxRetryBackoff} (default 5 s) while Kafka stays away
     * @param shutdownDrainTimeout at shutdown, how long the publisher keeps sending what is left in the buffer
     *     (default 10 s)
     */
    public record Log(
            @DefaultValue("100000") @Min(1) int capacity,
            @DefaultValue("500") @Min(1) @Max(2000) int batchSize,
            @DefaultValue("50ms") @NotNull Duration linger,
            @DefaultValue("40s") @NotNull Duration sendTimeout,
            @DefaultValue("200ms") @NotNull Duration retryBackoff,
            @DefaultValue("5s") @NotNull Duration maxRetryBackoff,
            @DefaultValue("10s") @NotNull Duration shutdownDrainTimeout) {}
}
