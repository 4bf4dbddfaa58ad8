package io.bikecast.monitoring;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.ServiceSmokeTest;
import io.bikecast.testsupport.WithFakeTrainingRegistry;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@WithFakeTrainingRegistry("bikecast.monitoring.registry.base-url")
class MonitoringServiceSmokeTest extends ServiceSmokeTest {

    @Override
    protected String ownedSchema() {
        return "monitoring";
    }
}
