package io.bikecast.prediction.log;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.PredictionsLogged;
import io.bikecast.prediction.PredictionProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Drains the {@link PredictionLogBuffer} to Kafka on one background thread, in batches: at most one batch every
 * {@code linger} unless a full one waits (it never blocks on the buffer, so a request's offer never has a thread to
 * wake). A batch is one {@link PredictionsLogged} record (up to {@code batchSize} predictions, about 100 KB at 500):
 * the publisher waits for its acknowledgement and, if Kafka did not take it, sends the same record again after a
 * back-off that doubles while Kafka stays away. While it retries, new events wait in the buffer, so an outage delays
 * events and loses none until the buffer's bound is reached. A retried batch keeps its event id and its predictions
 * their ids: if Kafka did store the first attempt after all, consumers drop the duplicates.
 *
 * <p>It stops after the web server has finished its requests, and sends what is left for up to {@code
 * shutdownDrainTimeout}.
 */
public class PredictionLogPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PredictionLogPublisher.class);

    private final PredictionLogBuffer buffer;
    private final KafkaTemplate<String, BikecastEvent> template;
    private final PredictionProperties.Log settings;
    private final Clock clock;
    private final List<PredictionLogged> inFlight = new ArrayList<>();
    private @Nullable PredictionsLogged pending;
    private final AtomicInteger inFlightCount = new AtomicInteger();
    private final Counter published;
    private final Counter sendFailures;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Instant failingSince;
    private volatile @Nullable String lastError;

    PredictionLogPublisher(
            PredictionLogBuffer buffer,
            KafkaTemplate<String, BikecastEvent> template,
            PredictionProperties.Log settings,
            Clock clock,
            MeterRegistry meters) {
        this.buffer = buffer;
        this.template = template;
        this.settings = settings;
        this.clock = clock;
        this.published = Counter.builder("bikecast.prediction.log.published")
                .description("Prediction-logged events Kafka acknowledged")
                .register(meters);
        this.sendFailures = Counter.builder("bikecast.prediction.log.send.failures")
                .description("Prediction-logged events Kafka did not take on an attempt (each is retried)")
                .register(meters);
        Gauge.builder("bikecast.prediction.log.buffer.depth", this, PredictionLogPublisher::depth)
                .description("Prediction-logged events waiting to be sent, in the buffer or being retried")
                .register(meters);
    }

    /** Events not yet acknowledged by Kafka: waiting in the buffer or in the batch being (re)sent. */
    public int depth() {
        return buffer.size() + inFlightCount.get();
    }

    /** How many events the buffer holds at most; beyond it new events are dropped. */
    int capacity() {
        return buffer.capacity();
    }

    /** Events dropped so far because the buffer was full. */
    long dropped() {
        return (long) buffer.droppedCount();
    }

    /** Since when sends have been failing, or null while Kafka takes them. */
    public @Nullable Instant failingSince() {
        return failingSince;
    }

    @Nullable
    String lastError() {
        return lastError;
    }

    private void run() {
        long backoff = settings.retryBackoff().toMillis();
        long linger = settings.linger().toNanos();
        long nextBatch = System.nanoTime();
        while (running
                || (!inFlight.isEmpty() || buffer.size() > 0)
                        && !Thread.currentThread().isInterrupted()) {
            try {
                if (inFlight.isEmpty()) {
                    if (buffer.size() < settings.batchSize()) {
                        TimeUnit.NANOSECONDS.sleep(nextBatch - System.nanoTime());
                    }
                    nextBatch = System.nanoTime() + linger;
                    buffer.drainTo(inFlight, settings.batchSize());
                    inFlightCount.set(inFlight.size());
                }
                if (inFlight.isEmpty()) {
                    continue;
                }
                if (send()) {
                    backoff = settings.retryBackoff().toMillis();
                } else {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, settings.maxRetryBackoff().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("The prediction log publisher hit an unexpected error; continuing", e);
            }
        }
        int left = depth();
        if (left > 0) {
            log.error("Stopping with {} prediction-logged events not sent to Kafka", left);
        }
    }

    /**
     * Sends the in-flight batch as one {@link PredictionsLogged} record; keeps it, with its event id, if Kafka did not
     * acknowledge it. True if it was acknowledged.
     */
    private boolean send() throws InterruptedException {
        PredictionsLogged batch = pending;
        if (batch == null) {
            batch = PredictionsLogged.of(inFlight);
            pending = batch;
        }
        Throwable failure;
        try {
            template.send(batch.topic(), batch.key(), batch)
                    .get(settings.sendTimeout().toNanos(), TimeUnit.NANOSECONDS);
            failure = null;
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException | RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            published.increment(inFlight.size());
            inFlight.clear();
            inFlightCount.set(0);
            pending = null;
            if (failingSince != null) {
                log.info("Kafka takes prediction-logged events again (failing since {})", failingSince);
            }
            failingSince = null;
            lastError = null;
            return true;
        }
        sendFailures.increment(inFlight.size());
        lastError = String.valueOf(failure);
        if (failingSince == null) {
            failingSince = clock.instant();
            log.warn(
                    "Kafka did not take {} prediction-logged events ({}); they wait in the buffer and are retried",
                    inFlight.size(),
                    lastError);
        }
        return false;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("prediction-log-publisher").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread publisher = thread;
        if (publisher != null) {
            try {
                publisher.join(settings.shutdownDrainTimeout().toMillis());
                if (publisher.isAlive()) {
                    publisher.interrupt();
                    publisher.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops after the web server's graceful shutdown (a higher phase), so the last requests' events are sent. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
