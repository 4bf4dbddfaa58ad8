package io.bikecast.ingest.benchmark;

import io.bikecast.ingest.Fixtures;
import io.bikecast.ingest.IngestApi;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingests the whole UCI {@code hour.csv} (17,379 rows) end to end through the HTTP API, against a running service on
 * embedded PostgreSQL and Kafka, and prints rows per second: first into an empty table (every row inserted), then the
 * same file again (every row compared and left unchanged), then how long the outbox relay takes to publish the 17,380
 * events of a full ingest. Not a test: run it with
 *
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dbenchmark=io.bikecast.ingest.benchmark.CsvIngestBenchmark
 * </pre>
 */
public final class CsvIngestBenchmark {

    private static final String COMMAND = "./mvnw -pl ingest-service test-compile exec:exec"
            + " -Dbenchmark=io.bikecast.ingest.benchmark.CsvIngestBenchmark";
    private static final int ROUNDS = 3;

    private CsvIngestBenchmark() {}

    public static void main(String[] args) {
        BenchmarkService.runThenExit(() -> run());
    }

    private static void run() throws Exception {
        byte[] csv = Fixtures.hourCsv();
        try (ConfigurableApplicationContext context = BenchmarkService.start()) {
            IngestApi api = new IngestApi(BenchmarkService.port(context));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            // Warm-up: JIT, connection pool, producer metadata.
            check(api.postCsv("", csv), 17_379);
            awaitOutboxEmpty(jdbc);

            double insertSeconds = Double.MAX_VALUE;
            double unchangedSeconds = Double.MAX_VALUE;
            double relaySeconds = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.update("DELETE FROM observation");
                long start = System.nanoTime();
                check(api.postCsv("", csv), 17_379);
                double inserted = seconds(start);
                long relayStart = System.nanoTime();
                awaitOutboxEmpty(jdbc);
                double relay = seconds(relayStart);
                start = System.nanoTime();
                check(api.postCsv("", csv), 0);
                double unchanged = seconds(start);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: insert %.3f s, relay of 17,380 events %.3f s, re-ingest %.3f s%n",
                        round + 1,
                        inserted,
                        relay,
                        unchanged);
                insertSeconds = Math.min(insertSeconds, inserted);
                relaySeconds = Math.min(relaySeconds, relay);
                unchangedSeconds = Math.min(unchangedSeconds, unchanged);
            }
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "hour.csv (17,379 rows) through POST /api/v1/ingest/csv, best of %d:%n"
                            + "  into an empty table : %.3f s = %,.0f rows/s%n"
                            + "  again (unchanged)   : %.3f s = %,.0f rows/s%n"
                            + "  outbox relay        : %.3f s = %,.0f events/s after the ingest returned%n",
                    ROUNDS,
                    insertSeconds,
                    17_379 / insertSeconds,
                    unchangedSeconds,
                    17_379 / unchangedSeconds,
                    relaySeconds,
                    17_380 / relaySeconds);
            System.out.println("Rerun: " + COMMAND);
        }
    }

    private static void check(IngestApi.Answer answer, int inserted) {
        if (answer.status() != 201 || answer.body().path("rowsInserted").asInt() != inserted) {
            throw new IllegalStateException("unexpected answer " + answer.status() + ": " + answer.text());
        }
    }

    private static void awaitOutboxEmpty(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (jdbc.queryForObject("SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox did not empty within 120 s: is Kafka reachable?");
            }
            Thread.sleep(10);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
