package io.bikecast.training;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.ServiceSmokeTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TrainingServiceSmokeTest extends ServiceSmokeTest {

    @Override
    protected String ownedSchema() {
        return "registry";
    }
}
