package io.bikecast.prediction.log;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code kafka}: whether the broker answers (a cluster description within two seconds) and whether the prediction
 * log is getting through, with the log buffer's depth, its bound and how many events it has dropped (the prediction
 * log is held in memory only: what a crash would lose, and what was lost). Not part of readiness: with Kafka down
 * predictions are still answered and their events wait in the buffer.
 */
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final int TIMEOUT_MS = 2000;

    private final Map<String, Object> adminConfig;
    private final PredictionLogPublisher logPublisher;
    private Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminConfig, PredictionLogPublisher logPublisher) {
        this.adminConfig = adminConfig;
        this.logPublisher = logPublisher;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
                    .size();
            health = logPublisher.failingSince() == null ? Health.up() : Health.down();
            health.withDetail("brokers", nodes);
        } catch (Exception e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        health.withDetail("logBufferDepth", logPublisher.depth())
                .withDetail("logBufferCapacity", logPublisher.capacity())
                .withDetail("logDropped", logPublisher.dropped());
        if (logPublisher.failingSince() != null) {
            health.withDetail("logFailingSince", logPublisher.failingSince())
                    .withDetail("logError", String.valueOf(logPublisher.lastError()));
        }
        return health.build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(adminConfig);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
