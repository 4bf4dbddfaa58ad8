package io.bikecast.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operators' web console: one page per concern (overview, forecast, models, drift, backtests, predict), each a
 * sub-package, rendered on the server from the four services' HTTP APIs; see docs/console.md. It keeps no state.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** Its settings file, {@code console.yml}: on the local suite's shared classpath each service reads its own. */
    public static final String CONFIG_NAME = "console";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ConsoleApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
