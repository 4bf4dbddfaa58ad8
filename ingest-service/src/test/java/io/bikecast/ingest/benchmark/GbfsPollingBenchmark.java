package io.bikecast.ingest.benchmark;

import com.sun.net.httpserver.HttpServer;
import io.bikecast.ingest.gbfs.GbfsBenchmarkDriver;
import io.bikecast.ingest.weather.ObservedWeather;
import io.bikecast.ingest.weather.WeatherHour;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of polling a GBFS system and deriving its station hours, per snapshot and per 1,000 stations. A loopback
 * server serves a GBFS 2.3 system of 1,000 stations (and others with {@code BIKECAST_BENCHMARK_STATIONS=1000,5000})
 * whose bikes walk a few up or down per snapshot, a snapshot every 20 minutes of feed time, with observed weather for
 * every hour; the ingest service runs on the embedded PostgreSQL and Kafka with its scheduler off, and each snapshot
 * is polled and published by hand, timing:
 *
 * <ul>
 *   <li>the poll as the scheduler runs it: download, parse, and one transaction storing the snapshot, its stations and
 *       what it adds to the station hours;
 *   <li>of which the download and parse of the four files alone, and the in-memory derivation of the hours;
 *   <li>the publication (StationObservations): every third snapshot closes an hour, whose stations become
 *       observations through the ingest path (contract, upsert, dataset version, outbox events).
 * </ul>
 *
 * Not a test: run it with
 *
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dbenchmark=io.bikecast.ingest.benchmark.GbfsPollingBenchmark
 * </pre>
 */
public final class GbfsPollingBenchmark {

    private static final String COMMAND = "./mvnw -pl ingest-service test-compile exec:exec"
            + " -Dbenchmark=io.bikecast.ingest.benchmark.GbfsPollingBenchmark";
    private static final int WARM_UP = 12;
    private static final int MEASURED = 60;
    private static final Duration STEP = Duration.ofMinutes(20);
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant START =
            LocalDateTime.parse("2026-06-01T00:00").atZone(ZONE).toInstant();

    private GbfsPollingBenchmark() {}

    public static void main(String[] args) {
        BenchmarkService.runThenExit(() -> run());
    }

    /** One measured snapshot. */
    private record Sample(long poll, long downloadAndParse, long derive, long publish, int published) {}

    private static void run() throws Exception {
        int[] sizes = Arrays.stream(System.getenv()
                        .getOrDefault("BIKECAST_BENCHMARK_STATIONS", "1000")
                        .split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
        try (Feed feed = new Feed(sizes)) {
            List<String> properties = new ArrayList<>(List.of(
                    "--bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32",
                    "--bikecast.ingest.gbfs.scheduler=false",
                    "--bikecast.ingest.weather.scheduled=false"));
            for (int i = 0; i < sizes.length; i++) {
                String system = system(sizes[i]);
                properties.add("--bikecast.ingest.gbfs.systems[" + i + "].id=" + system);
                properties.add("--bikecast.ingest.gbfs.systems[" + i + "].auto-discovery-url=" + feed.url(system));
                properties.add("--bikecast.ingest.weather.locations[" + i + "].id=" + system);
                properties.add("--bikecast.ingest.weather.locations[" + i + "].latitude=38.9");
                properties.add("--bikecast.ingest.weather.locations[" + i + "].longitude=-77.03");
            }
            try (ConfigurableApplicationContext context = BenchmarkService.start(properties.toArray(String[]::new))) {
                GbfsBenchmarkDriver driver = GbfsBenchmarkDriver.of(context);
                List<String> report = new ArrayList<>();
                for (int stations : sizes) {
                    String system = system(stations);
                    storeWeather(context, system);
                    List<Sample> samples = new ArrayList<>();
                    for (int t = 0; t < WARM_UP + MEASURED; t++) {
                        feed.show(system, t);
                        GbfsBenchmarkDriver.Steps steps = driver.downloadParseAndDerive(system);
                        long start = System.nanoTime();
                        String outcome = driver.poll(system);
                        long poll = System.nanoTime() - start;
                        if (!outcome.equals("STORED")) {
                            throw new IllegalStateException("snapshot " + t + " of " + system + " was " + outcome);
                        }
                        start = System.nanoTime();
                        int published = driver.publish(system);
                        long publish = System.nanoTime() - start;
                        if (t >= WARM_UP) {
                            samples.add(new Sample(
                                    poll, steps.downloadAndParseNanos(), steps.deriveNanos(), publish, published));
                        }
                    }
                    report.addAll(report(stations, samples));
                }
                System.out.println();
                report.forEach(System.out::println);
                System.out.println();
                System.out.println("Rerun: " + COMMAND);
                System.out.println("       BIKECAST_BENCHMARK_STATIONS=1000,5000 " + COMMAND);
            }
        }
    }

    private static List<String> report(int stations, List<Sample> samples) {
        List<Sample> closing = samples.stream().filter(s -> s.published() > 0).toList();
        int published = closing.stream().mapToInt(Sample::published).sum();
        double per1000 = 1000.0 / stations;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%,d stations, %d snapshots (after %d warm-up), a snapshot every %d min of feed time; %d hours closed,"
                        + " %,d station hours published:",
                stations,
                samples.size(),
                WARM_UP,
                STEP.toMinutes(),
                closing.size(),
                published));
        lines.add(String.format(
                Locale.ROOT, "  %-52s %10s %10s %18s %18s", "ms", "median", "p95", "median /1k stns", "p95 /1k stns"));
        lines.add(row("poll (download, parse, store snapshot + hours)", samples, Sample::poll, per1000));
        lines.add(row("  of which download and parse", samples, Sample::downloadAndParse, per1000));
        lines.add(row("  of which derivation in memory", samples, Sample::derive, per1000));
        lines.add(row("publication, per snapshot", samples, Sample::publish, per1000));
        lines.add(row("publication, per snapshot closing an hour", closing, Sample::publish, per1000));
        lines.add(row("poll + publication, per snapshot", samples, s -> s.poll() + s.publish(), per1000));
        return lines;
    }

    private static String row(String what, List<Sample> samples, ToLongFunction<Sample> nanos, double per1000) {
        long[] sorted = samples.stream().mapToLong(nanos).sorted().toArray();
        if (sorted.length == 0) {
            return String.format(Locale.ROOT, "  %-52s (no sample)", what);
        }
        double median = percentile(sorted, 0.5) / 1e6;
        double p95 = percentile(sorted, 0.95) / 1e6;
        return String.format(
                Locale.ROOT, "  %-52s %10.2f %10.2f %18.2f %18.2f", what, median, p95, median * per1000, p95 * per1000);
    }

    /** The nearest-rank percentile. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String system(int stations) {
        return "bench-" + stations;
    }

    /** Observed weather for every hour the snapshots touch, so that every closed hour is published. */
    private static void storeWeather(ConfigurableApplicationContext context, String system) {
        List<WeatherHour> hours = new ArrayList<>();
        Instant end = START.plus(STEP.multipliedBy(WARM_UP + MEASURED)).plus(Duration.ofHours(2));
        for (Instant h = START.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
                h.isBefore(end);
                h = h.plus(Duration.ofHours(1))) {
            hours.add(new WeatherHour(h, 21, 21, 55, 10, 1, 1));
        }
        ObservedWeather.save(context, system, hours);
    }

    /**
     * The loopback GBFS 2.3 server: per system, its files under {@code /<system>/}, and the snapshot of index
     * {@link #show} as its station_status (rendered before it is timed). Bikes walk by -3 to +3 per snapshot between 2
     * and 38 of 40 docks, so no hour is censored or rebalanced and every closed hour is published.
     */
    private static final class Feed implements AutoCloseable {

        private static final int CAPACITY = 40;

        private final HttpServer server;
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();
        private final Map<String, int[]> vehicles = new ConcurrentHashMap<>();
        private final Random random = new Random(17);

        Feed(int[] sizes) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = files.get(exchange.getRequestURI().getPath());
                try (exchange) {
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            for (int stations : sizes) {
                String system = system(stations);
                String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + system + "/";
                StringBuilder feeds = new StringBuilder();
                for (String name : List.of("system_information", "station_information", "station_status")) {
                    feeds.append(feeds.isEmpty() ? "" : ", ")
                            .append("{\"name\": \"" + name + "\", \"url\": \"" + base + name + ".json\"}");
                }
                put(system, "gbfs", envelope(START, 60, "{\"en\": {\"feeds\": [" + feeds + "]}}"));
                put(
                        system,
                        "system_information",
                        envelope(
                                START,
                                86400,
                                "{\"system_id\": \"" + system
                                        + "\", \"language\": \"en\", \"name\": \"Benchmark Bikes\", \"timezone\": \""
                                        + ZONE + "\"}"));
                StringBuilder list = new StringBuilder();
                int[] bikes = new int[stations];
                for (int i = 0; i < stations; i++) {
                    list.append(i == 0 ? "" : ",\n")
                            .append(String.format(
                                    Locale.ROOT,
                                    "{\"station_id\": \"%d\", \"name\": \"Station %d\", \"lat\": %.6f, \"lon\": %.6f,"
                                            + " \"capacity\": %d}",
                                    10_000 + i,
                                    i,
                                    38.9 + random.nextGaussian() * 0.03,
                                    -77.03 + random.nextGaussian() * 0.04,
                                    CAPACITY));
                    bikes[i] = CAPACITY / 2;
                }
                put(system, "station_information", envelope(START, 86400, "{\"stations\": [" + list + "]}"));
                vehicles.put(system, bikes);
            }
        }

        String url(String system) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + system + "/gbfs.json";
        }

        /** Serves snapshot {@code t}: the bikes walk one step from the previous one. */
        void show(String system, int t) {
            int[] bikes = vehicles.get(system);
            Instant at = START.plus(STEP.multipliedBy(t));
            StringBuilder list = new StringBuilder(bikes.length * 200);
            for (int i = 0; i < bikes.length; i++) {
                if (t > 0) {
                    bikes[i] = Math.clamp(bikes[i] + random.nextInt(7) - 3, 2, CAPACITY - 2);
                }
                list.append(i == 0 ? "" : ",\n")
                        .append("{\"station_id\": \"")
                        .append(10_000 + i)
                        .append("\", \"num_bikes_available\": ")
                        .append(bikes[i])
                        .append(", \"num_docks_available\": ")
                        .append(CAPACITY - bikes[i])
                        .append(", \"is_installed\": true, \"is_renting\": true, \"is_returning\": true,"
                                + " \"last_reported\": ")
                        .append(at.getEpochSecond())
                        .append('}');
            }
            put(system, "station_status", envelope(at, 60, "{\"stations\": [" + list + "]}"));
        }

        private void put(String system, String file, String json) {
            files.put("/" + system + "/" + file + ".json", json.getBytes(StandardCharsets.UTF_8));
        }

        private static String envelope(Instant lastUpdated, int ttl, String data) {
            return "{\"last_updated\": " + lastUpdated.getEpochSecond() + ", \"ttl\": " + ttl
                    + ", \"version\": \"2.3\", \"data\": " + data + "}";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
