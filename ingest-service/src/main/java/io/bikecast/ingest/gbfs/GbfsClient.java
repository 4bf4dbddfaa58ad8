package io.bikecast.ingest.gbfs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.gbfs.FeedFailure.Reason;
import io.bikecast.ingest.input.BoundedInputStream;
import io.bikecast.ingest.input.RefusedRead;
import io.bikecast.ingest.input.SourceUnavailableException;
import io.bikecast.ingest.source.HostResolver;
import io.bikecast.ingest.source.RefusedSourceException;
import io.bikecast.ingest.source.UrlFetcher;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mobilitydata.gbfs.v2_3.gbfs.GBFSFeeds;
import org.mobilitydata.gbfs.v3_0.gbfs.GBFSGbfs;

/**
 * Reads the files of a GBFS system with MobilityData's typed models ({@code gbfs-java-model}): 2.x with the 2.3
 * model, 3.x with the 3.0 model. Every way a file can be wrong ends in a {@link FeedFailure} naming the reason; no
 * other exception leaves this class.
 *
 * <p>The models are annotated for Jackson 2 (and their GeoJSON station areas need Jackson 2's databind), so they are
 * read with a Jackson 2 mapper of their own rather than the service's Jackson 3 one.
 */
class GbfsClient {

    private static final String ACCEPT = "application/json, */*;q=0.5";
    private static final Set<String> READ_FEEDS = Set.of("system_information", "station_information", "station_status");

    private final UrlFetcher fetcher;
    private final long maxPayloadSize;
    // Unknown enum values (rental_methods in upper case, as some real feeds write them; a feed name or parking type
    // from a later spec) read as null instead of failing the whole file: bikecast does not use them. A null time zone
    // is then refused as missing.
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Duration fileTimeout;

    /**
     * The client of the GBFS settings: their timeouts and payload bound, with the service's download rules (allowed
     * hosts and addresses, redirects).
     */
    static GbfsClient of(GbfsProperties properties, IngestProperties ingest, HostResolver resolver) {
        IngestProperties.Fetch fetch = new IngestProperties.Fetch(
                properties.connectTimeout(),
                properties.readTimeout(),
                ingest.fetch().allowedHosts(),
                ingest.fetch().allowedAddresses(),
                ingest.fetch().maxRedirects());
        return new GbfsClient(
                new UrlFetcher(fetch, resolver), properties.maxPayloadSize().toBytes(), properties.fileTimeout());
    }

    /**
     * @param fileTimeout the longest a whole file may take to arrive, however steadily a slow server drips it
     */
    GbfsClient(UrlFetcher fetcher, long maxPayloadSize, Duration fileTimeout) {
        this.fetcher = fetcher;
        this.maxPayloadSize = maxPayloadSize;
        this.fileTimeout = fileTimeout;
    }

    /** {@code gbfs.json}, in the system's configured language for 2.x. */
    Feeds.Discovery discover(String url, String language) {
        JsonNode root = read(uri(url, "auto-discovery-url"), "gbfs.json");
        String version = version(root, "gbfs.json");
        Map<String, String> urls = new java.util.HashMap<>();
        Integer ttl;
        if (version.startsWith("2.")) {
            JsonNode data = root.path("data");
            if (!data.isObject() || data.isEmpty()) {
                throw new FeedFailure(Reason.INVALID, "gbfs.json (GBFS " + version + ") has no data.<language>.");
            }
            String lang = data.has(language) ? language : data.fieldNames().next();
            keepReadFeeds(data.path(lang).path("feeds"));
            var gbfs = convert(root, org.mobilitydata.gbfs.v2_3.gbfs.GBFSGbfs.class, "gbfs.json");
            GBFSFeeds feeds = convert(data.path(lang), GBFSFeeds.class, "gbfs.json");
            if (feeds.getFeeds() != null) {
                for (var feed : feeds.getFeeds()) {
                    if (feed != null && feed.getName() != null && feed.getUrl() != null) {
                        urls.put(feed.getName().value(), feed.getUrl().toString());
                    }
                }
            }
            ttl = gbfs.getTtl();
        } else {
            keepReadFeeds(root.path("data").path("feeds"));
            GBFSGbfs gbfs = convert(root, GBFSGbfs.class, "gbfs.json");
            if (gbfs.getData() != null && gbfs.getData().getFeeds() != null) {
                for (var feed : gbfs.getData().getFeeds()) {
                    if (feed != null && feed.getName() != null && feed.getUrl() != null) {
                        urls.put(feed.getName().value(), feed.getUrl());
                    }
                }
            }
            ttl = gbfs.getTtl();
        }
        URI base = uri(url, "auto-discovery-url");
        return new Feeds.Discovery(
                version,
                ttl,
                feed(base, urls, "system_information"),
                feed(base, urls, "station_information"),
                feed(base, urls, "station_status"));
    }

    /** {@code system_information}: its name and time zone. */
    Feeds.SystemInformation systemInformation(Feeds.Discovery discovery, String language) {
        JsonNode root = read(discovery.systemInformation(), "system_information");
        sameVersion(discovery, root, "system_information");
        String name;
        String zone;
        if (discovery.version().startsWith("2.")) {
            var info = convert(
                    root,
                    org.mobilitydata.gbfs.v2_3.system_information.GBFSSystemInformation.class,
                    "system_information");
            var data = required(info.getData(), "system_information", "data");
            name = data.getName();
            zone = required(data.getTimezone(), "system_information", "data.timezone")
                    .value();
        } else {
            var info = convert(
                    root,
                    org.mobilitydata.gbfs.v3_0.system_information.GBFSSystemInformation.class,
                    "system_information");
            var data = required(info.getData(), "system_information", "data");
            name = localized(data.getName(), n -> n.getLanguage(), n -> n.getText(), language);
            zone = required(data.getTimezone(), "system_information", "data.timezone")
                    .value();
        }
        try {
            return new Feeds.SystemInformation(name == null ? "" : name, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new FeedFailure(Reason.INVALID, "system_information names an unknown time zone '" + zone + "'.");
        }
    }

    /** {@code station_information}; stations without a {@code station_id} are left out. */
    Feeds.StationInformation stationInformation(Feeds.Discovery discovery, String language) {
        JsonNode root = read(discovery.stationInformation(), "station_information");
        sameVersion(discovery, root, "station_information");
        List<Feeds.Station> stations = new ArrayList<>();
        Instant lastUpdated;
        if (discovery.version().startsWith("2.")) {
            var info = convert(
                    root,
                    org.mobilitydata.gbfs.v2_3.station_information.GBFSStationInformation.class,
                    "station_information");
            lastUpdated = posix(info.getLastUpdated(), "station_information");
            for (var s : required(
                    required(info.getData(), "station_information", "data").getStations(),
                    "station_information",
                    "data.stations")) {
                if (s != null && s.getStationId() != null) {
                    stations.add(
                            new Feeds.Station(s.getStationId(), s.getName(), s.getLat(), s.getLon(), s.getCapacity()));
                }
            }
        } else {
            var info = convert(
                    root,
                    org.mobilitydata.gbfs.v3_0.station_information.GBFSStationInformation.class,
                    "station_information");
            lastUpdated = instant(info.getLastUpdated(), "station_information");
            for (var s : required(
                    required(info.getData(), "station_information", "data").getStations(),
                    "station_information",
                    "data.stations")) {
                if (s != null && s.getStationId() != null) {
                    String name = localized(s.getName(), n -> n.getLanguage(), n -> n.getText(), language);
                    stations.add(new Feeds.Station(s.getStationId(), name, s.getLat(), s.getLon(), s.getCapacity()));
                }
            }
        }
        return new Feeds.StationInformation(lastUpdated, stations);
    }

    /**
     * {@code station_status}. A station without {@code station_id}, vehicle count or the three {@code is_*} flags is
     * left out and counted in {@link Feeds.StationStatus#skipped()}.
     */
    Feeds.StationStatus stationStatus(Feeds.Discovery discovery) {
        JsonNode root = read(discovery.stationStatus(), "station_status");
        sameVersion(discovery, root, "station_status");
        List<Feeds.@Nullable StationState> stations = new ArrayList<>();
        Instant lastUpdated;
        Integer ttl;
        if (discovery.version().startsWith("2.")) {
            var status =
                    convert(root, org.mobilitydata.gbfs.v2_3.station_status.GBFSStationStatus.class, "station_status");
            lastUpdated = posix(status.getLastUpdated(), "station_status");
            ttl = status.getTtl();
            for (var s : stationList(
                    status.getData() == null ? null : status.getData().getStations())) {
                stations.add(
                        s == null
                                ? null
                                : state(
                                        s.getStationId(),
                                        s.getNumBikesAvailable(),
                                        s.getNumDocksAvailable(),
                                        s.getIsRenting(),
                                        s.getIsReturning(),
                                        s.getIsInstalled(),
                                        s.getLastReported() == null
                                                ? null
                                                : Instant.ofEpochSecond(s.getLastReported())));
            }
        } else {
            var status =
                    convert(root, org.mobilitydata.gbfs.v3_0.station_status.GBFSStationStatus.class, "station_status");
            lastUpdated = instant(status.getLastUpdated(), "station_status");
            ttl = status.getTtl();
            for (var s : stationList(
                    status.getData() == null ? null : status.getData().getStations())) {
                stations.add(
                        s == null
                                ? null
                                : state(
                                        s.getStationId(),
                                        s.getNumVehiclesAvailable(),
                                        s.getNumDocksAvailable(),
                                        s.getIsRenting(),
                                        s.getIsReturning(),
                                        s.getIsInstalled(),
                                        s.getLastReported() == null
                                                ? null
                                                : s.getLastReported().toInstant()));
            }
        }
        List<Feeds.StationState> valid =
                stations.stream().filter(Objects::nonNull).toList();
        return new Feeds.StationStatus(discovery.version(), lastUpdated, ttl, valid, stations.size() - valid.size());
    }

    private static <S> List<S> stationList(@Nullable List<S> stations) {
        return required(stations, "station_status", "data.stations");
    }

    /** The station, or null if a required field is missing or the count is negative. */
    private static Feeds.@Nullable StationState state(
            @Nullable String id,
            @Nullable Integer vehicles,
            @Nullable Integer docks,
            @Nullable Boolean renting,
            @Nullable Boolean returning,
            @Nullable Boolean installed,
            @Nullable Instant reported) {
        if (id == null
                || vehicles == null
                || vehicles < 0
                || renting == null
                || returning == null
                || installed == null) {
            return null;
        }
        return new Feeds.StationState(id, vehicles, docks, renting, returning, installed, reported);
    }

    private JsonNode read(URI uri, String file) {
        long deadline = System.nanoTime() + fileTimeout.toNanos();
        try (InputStream body = new BoundedInputStream(
                new Deadline(
                        fetcher.open(fetcher.check(uri.toString()), ACCEPT),
                        deadline,
                        () -> new FeedFailure(
                                Reason.TIMED_OUT,
                                file + " at " + uri + " took longer than " + fileTimeout
                                        + " (bikecast.ingest.gbfs.file-timeout).")),
                maxPayloadSize,
                () -> new FeedFailure(
                        Reason.TOO_LARGE,
                        file + " at " + uri + " is larger than " + maxPayloadSize
                                + " bytes (bikecast.ingest.gbfs.max-payload-size)."))) {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new FeedFailure(Reason.MALFORMED, file + " at " + uri + " is not a JSON object.");
            }
            return root;
        } catch (RefusedRead e) {
            throw e.refusal();
        } catch (RefusedSourceException e) {
            throw new FeedFailure(Reason.REFUSED_URL, e.getMessage());
        } catch (SourceUnavailableException e) {
            throw new FeedFailure(
                    switch (e.reason()) {
                        case TIMED_OUT -> Reason.TIMED_OUT;
                        case BAD_STATUS -> Reason.BAD_STATUS;
                        default -> Reason.UNREACHABLE;
                    },
                    e.getMessage());
        } catch (JsonProcessingException e) {
            throw new FeedFailure(
                    Reason.MALFORMED, file + " at " + uri + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedFailure(Reason.UNREACHABLE, "Reading " + file + " at " + uri + " failed: " + e.getMessage());
        }
    }

    /** Fails the first read after the deadline with the given refusal. */
    private static final class Deadline extends FilterInputStream {

        private final long deadline;
        private final Supplier<FeedFailure> late;

        Deadline(InputStream in, long deadline, Supplier<FeedFailure> late) {
            super(in);
            this.deadline = deadline;
            this.late = late;
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return super.read(buffer, offset, length);
        }

        private void check() throws RefusedRead {
            if (System.nanoTime() - deadline > 0) {
                throw new RefusedRead(late.get());
            }
        }
    }

    private <T> T convert(JsonNode node, Class<T> type, String file) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new FeedFailure(Reason.MALFORMED, file + " does not match the GBFS schema: " + message);
        }
    }

    /** Drops the feeds bikecast does not read, so that a name the model's enum does not know cannot fail the file. */
    private static void keepReadFeeds(JsonNode feeds) {
        if (feeds instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); ) {
                JsonNode feed = it.next();
                if (!(feed instanceof ObjectNode)
                        || !READ_FEEDS.contains(feed.path("name").asText())) {
                    it.remove();
                }
            }
        }
    }

    private static String version(JsonNode root, String file) {
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual()) {
            throw new FeedFailure(
                    Reason.UNSUPPORTED_VERSION,
                    file + " has no version (GBFS 1.x?); bikecast reads" + " GBFS 2.x and 3.x.");
        }
        String value = version.asText();
        if (!value.matches("[23]\\.\\d+")) {
            throw new FeedFailure(
                    Reason.UNSUPPORTED_VERSION,
                    file + " is GBFS '" + abbreviate(value) + "'; bikecast reads GBFS 2.x and 3.x.");
        }
        return value;
    }

    private static void sameVersion(Feeds.Discovery discovery, JsonNode root, String file) {
        String version = version(root, file);
        if (!version.equals(discovery.version())) {
            throw new FeedFailure(
                    Reason.VERSION_MISMATCH,
                    file + " is GBFS " + version + " but gbfs.json is GBFS " + discovery.version() + ".");
        }
    }

    private static URI feed(URI base, Map<String, String> urls, String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new FeedFailure(Reason.MISSING_FEED, "gbfs.json lists no " + name + " feed.");
        }
        try {
            return base.resolve(new URI(url));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FeedFailure(Reason.INVALID, "gbfs.json's " + name + " URL is not a valid URL.");
        }
    }

    private static URI uri(String url, String what) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new FeedFailure(Reason.REFUSED_URL, "The " + what + " '" + url + "' is not a valid URL.");
        }
    }

    private static <T> T required(@Nullable T value, String file, String field) {
        if (value == null) {
            throw new FeedFailure(Reason.INVALID, file + " has no " + field + ".");
        }
        return value;
    }

    private static Instant posix(@Nullable Integer seconds, String file) {
        return Instant.ofEpochSecond(required(seconds, file, "last_updated"));
    }

    private static Instant instant(@Nullable Date date, String file) {
        return required(date, file, "last_updated").toInstant();
    }

    /** The text in {@code language}, else the first one. */
    private static <N> @Nullable String localized(
            @Nullable List<N> names, Function<N, String> lang, Function<N, String> text, String language) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        return names.stream()
                .filter(n -> n != null && language.equals(lang.apply(n)))
                .findFirst()
                .or(() -> names.stream().filter(n -> n != null).findFirst())
                .map(text)
                .orElse(null);
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
