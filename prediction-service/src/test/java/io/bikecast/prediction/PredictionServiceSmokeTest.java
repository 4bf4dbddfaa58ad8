package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.TopicSpec;
import io.bikecast.common.events.Topics;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.PredictionServiceTest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The smoke checks every bikecast service passes (test-support's {@code ServiceSmokeTest}: topics, health, liveness,
 * readiness, Prometheus, OpenAPI), for a service that has no database: test-support's version asserts a {@code db}
 * health component and reads the schema through JDBC, which this service must not have. Readiness here means "can
 * answer predictions", so the registry holds a champion and the checks wait for the service to load it: without one
 * the service is, correctly, not ready (see {@link NoChampionTest} and {@link StartupReadinessTest}).
 */
@PredictionServiceTest
class PredictionServiceSmokeTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void hasNoDatabase() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(new Http(port)
                        .get("/actuator/health")
                        .body()
                        .path("components")
                        .has("db"))
                .isFalse();
    }

    @Test
    void createsEveryBikecastTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics)
                    .containsAll(Topics.ALL.stream().map(TopicSpec::name).toList());
        }
    }

    @Test
    void reportsHealthLivenessAndReadinessUp() {
        Http http = new Http(port);
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
        assertThat(health.body()
                        .path("components")
                        .path("registry")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").body().path("status").asString())
                .isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").body().path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() {
        Http.Response metrics = new Http(port).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes").contains("application=\"prediction-service\"");
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        Http http = new Http(port);
        assertThat(http.get("/v3/api-docs").body().path("openapi").asString()).startsWith("3.");
        Http.Response ui = http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui");
    }
}
