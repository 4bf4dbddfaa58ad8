package io.bikecast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A suite for a test: its database under the test's directory, every server on a free port. */
final class FreePortSuites {

    private FreePortSuites() {}

    static SuiteSettings settings(Path data, String apiKey, Optional<Path> uciHourCsv, Map<String, Object> properties) {
        return new SuiteSettings(
                data.resolve("postgres"),
                freePort(),
                0,
                ServiceDefinition.usual().stream()
                        .map(service -> service.onPort(freePort()))
                        .toList(),
                apiKey,
                uciHourCsv,
                properties);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
