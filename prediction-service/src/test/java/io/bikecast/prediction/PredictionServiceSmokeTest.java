package io.bikecast.prediction;

import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.RegistryFixture;
import io.bikecast.testsupport.ServiceSmokeTest;
import javax.sql.DataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's smoke checks. Readiness here means "can answer predictions", so the registry holds a champion: without
 * one the service is, correctly, not ready (see {@link NoChampionTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PredictionServiceSmokeTest extends ServiceSmokeTest {

    @TestConfiguration
    static class Champion {
        @Bean
        RegistryFixture registryFixture(DataSource dataSource) {
            RegistryFixture registry = new RegistryFixture(dataSource).migrate();
            long version = TestModels.register(registry, TestModels.first());
            registry.setAlias(TestModels.MODEL_NAME, ModelRegistryReader.CHAMPION, version);
            // The fixture migrated the registry as the training service would; its Flyway history is the training
            // service's, and the smoke check below asserts that this service itself runs no migrations.
            new JdbcTemplate(dataSource).execute("DROP TABLE registry.flyway_schema_history");
            return registry;
        }
    }

    @Override
    protected String ownedSchema() {
        return null;
    }
}
