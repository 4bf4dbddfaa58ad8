package io.bikecast.prediction.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop HTTP load generator for any prediction endpoint (this service, or another implementation with the same
 * payload): requests are started on a fixed schedule at the target rate, whatever the server does, and each latency
 * is measured from the moment the request was due, so a stalled server shows up in the percentiles instead of quietly
 * lowering the load (no coordinated omission). The concurrency is the most requests in flight; a request that finds
 * no free slot waits for one, and that wait counts in its latency.
 *
 * <p>Arguments, all optional, {@code --name=value}: {@code url} (default {@code http://127.0.0.1:8080/predict}),
 * {@code rate} requests per second (1000), {@code duration} per concurrency level (20s), {@code warmup} before each
 * level (5s), {@code concurrency} a comma-separated list (8,32,128), {@code body} a file holding the JSON body (default:
 * UCI-form rows of several hours), {@code max-requests} an upper bound per level (1,000,000), {@code client} {@code
 * socket} (default: one thread per connection, each with a plain keep-alive socket, see {@link KeepAliveConnection})
 * or {@code jdk} (the JDK's {@code HttpClient} on virtual threads). It stops by itself.
 *
 * <p>Run (with a server started by {@link BenchmarkServer}): {@code ./mvnw -pl prediction-service test-compile exec:java
 * -Dexec.mainClass=io.bikecast.prediction.benchmark.HttpLoadBenchmark -Dexec.args="--rate=1000"}
 */
public final class HttpLoadBenchmark {

    private static final String[] DEFAULT_BODIES = {
        "{\"season\":3,\"yr\":1,\"mnth\":7,\"hr\":17,\"holiday\":0,\"weekday\":3,\"workingday\":1,\"weathersit\":1,"
                + "\"temp\":0.74,\"atemp\":0.68,\"hum\":0.45,\"windspeed\":0.19,\"seriesId\":\"system\"}",
        "{\"season\":1,\"yr\":0,\"mnth\":1,\"hr\":8,\"holiday\":0,\"weekday\":1,\"workingday\":1,\"weathersit\":2,"
                + "\"temp\":0.22,\"atemp\":0.23,\"hum\":0.80,\"windspeed\":0.10,\"seriesId\":\"system\"}",
        "{\"season\":2,\"yr\":1,\"mnth\":5,\"hr\":3,\"holiday\":0,\"weekday\":6,\"workingday\":0,\"weathersit\":1,"
                + "\"temp\":0.50,\"atemp\":0.48,\"hum\":0.70,\"windspeed\":0.05,\"seriesId\":\"system\"}",
        "{\"season\":4,\"yr\":1,\"mnth\":10,\"hr\":12,\"holiday\":0,\"weekday\":5,\"workingday\":1,\"weathersit\":3,"
                + "\"temp\":0.40,\"atemp\":0.40,\"hum\":0.94,\"windspeed\":0.30,\"seriesId\":\"system\"}"
    };

    /** One level's outcome. */
    record Result(int concurrency, long sent, long failed, double seconds, long[] latenciesNanos) {

        double throughput() {
            return (sent - failed) / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * latenciesNanos.length) - 1;
            return latenciesNanos[Math.clamp(index, 0, latenciesNanos.length - 1)] / 1e6;
        }
    }

    private HttpLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/predict"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        Duration duration =
                Duration.parse("PT" + options.getOrDefault("duration", "20s").toUpperCase(Locale.ROOT));
        Duration warmup =
                Duration.parse("PT" + options.getOrDefault("warmup", "5s").toUpperCase(Locale.ROOT));
        long maxRequests = Long.parseLong(options.getOrDefault("max-requests", "1000000"));
        int[] levels = Arrays.stream(
                        options.getOrDefault("concurrency", "8,32,128").split(","))
                .mapToInt(level -> Integer.parseInt(level.strip()))
                .toArray();
        String[] bodies = options.containsKey("body")
                ? new String[] {Files.readString(Path.of(options.get("body")))}
                : DEFAULT_BODIES;

        boolean sockets = switch (options.getOrDefault("client", "socket")) {
            case "socket" -> true;
            case "jdk" -> false;
            default -> throw new IllegalArgumentException("--client is socket or jdk");
        };
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        System.out.printf(
                "Open-loop load on %s at %d req/s, %s per level after %s warm-up, %d distinct bodies, %s client%n",
                url, rate, duration, warmup, bodies.length, sockets ? "socket" : "jdk");
        List<Result> results = new ArrayList<>();
        for (int concurrency : levels) {
            Result result;
            if (sockets) {
                runSockets(url, bodies, rate, warmup, concurrency, maxRequests);
                result = runSockets(url, bodies, rate, duration, concurrency, maxRequests);
            } else {
                run(client, url, bodies, rate, warmup, concurrency, maxRequests);
                result = run(client, url, bodies, rate, duration, concurrency, maxRequests);
            }
            results.add(result);
            print(result);
        }
        System.out.println();
        System.out.println("concurrency  target/s  achieved/s   p50 ms   p90 ms   p99 ms p99.9 ms   max ms  failed");
        for (Result r : results) {
            System.out.printf(
                    "%11d  %8d  %10.1f  %7.2f  %7.2f  %7.2f  %7.2f  %7.2f  %6d%n",
                    r.concurrency(),
                    rate,
                    r.throughput(),
                    r.percentileMillis(0.50),
                    r.percentileMillis(0.90),
                    r.percentileMillis(0.99),
                    r.percentileMillis(0.999),
                    r.percentileMillis(1.0),
                    r.failed());
        }
        System.out.println("Rerun: ./mvnw -pl prediction-service test-compile exec:java "
                + "-Dexec.mainClass=" + HttpLoadBenchmark.class.getName() + " -Dexec.args=\"" + String.join(" ", args)
                + "\"");
        System.exit(0);
    }

    private static Result run(
            HttpClient client, URI url, String[] bodies, int rate, Duration duration, int concurrency, long maxRequests)
            throws InterruptedException {
        long total = Math.min(maxRequests, rate * duration.toMillis() / 1000);
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[(int) total];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch((int) total);
        try (ExecutorService dispatcher = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String body = bodies[(int) (i % bodies.length)];
                dispatcher.execute(() -> {
                    try {
                        slots.acquire();
                        try {
                            HttpResponse<Void> response = client.send(
                                    HttpRequest.newBuilder(url)
                                            .timeout(Duration.ofSeconds(10))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } finally {
                            slots.release();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failed.incrementAndGet();
                    } finally {
                        latencies[recorded.getAndIncrement()] = System.nanoTime() - due;
                        done.countDown();
                    }
                });
            }
            done.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] measured = Arrays.copyOf(latencies, recorded.get());
            Arrays.sort(measured);
            return new Result(concurrency, total, failed.get(), seconds, measured);
        }
    }

    /**
     * The same schedule on {@code concurrency} platform threads, one connection each: a thread takes the next request
     * due, waits for its time if it is early, and sends it; a request due while every thread is busy is sent by the
     * first to be free, its latency still counted from the time it was due.
     */
    private static Result runSockets(
            URI url, String[] bodies, int rate, Duration duration, int concurrency, long maxRequests)
            throws InterruptedException {
        long total = Math.min(maxRequests, rate * duration.toMillis() / 1000);
        long interval = 1_000_000_000L / rate;
        byte[][] requests = Arrays.stream(bodies)
                .map(body -> KeepAliveConnection.post(url, body))
                .toArray(byte[][]::new);
        long[] latencies = new long[(int) total];
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + 10_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().name("load-", t).start(() -> {
                KeepAliveConnection connection = null;
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    try {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (connection == null) {
                            connection = new KeepAliveConnection(url);
                        }
                        if (connection.exchange(requests[(int) (i % requests.length)]) != 200) {
                            failed.incrementAndGet();
                        }
                        if (connection.closedByServer()) {
                            connection = closed(connection);
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        connection = closed(connection);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[(int) i] = System.nanoTime() - due;
                }
                closed(connection);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] measured = latencies.clone();
        Arrays.sort(measured);
        return new Result(concurrency, total, failed.get(), seconds, measured);
    }

    private static KeepAliveConnection closed(KeepAliveConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
        return null;
    }

    private static void print(Result r) {
        System.out.printf(
                "concurrency %4d: %8.1f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %d failed of %d%n",
                r.concurrency(),
                r.throughput(),
                r.percentileMillis(0.50),
                r.percentileMillis(0.90),
                r.percentileMillis(0.99),
                r.percentileMillis(1.0),
                r.failed(),
                r.sent());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
