package io.bikecast.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for another bikecast service's HTTP API on 127.0.0.1 (the training registry, the ingest export): it
 * listens on a free port, and can go away and come back on the same port, as a service that is restarted does.
 * Subclasses answer the requests under their path.
 */
public abstract class LoopbackHttpFake implements AutoCloseable {

    private final String contextPath;
    private final String description;
    private volatile HttpServer server;
    private volatile int port;

    /**
     * @param contextPath the paths it answers, such as {@code /api/v1/models/}
     * @param description what it stands in for, for error messages
     */
    protected LoopbackHttpFake(String contextPath, String description) {
        this.contextPath = contextPath;
        this.description = description;
    }

    /** Answers one request under the context path. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** Starts listening on a free port. */
    protected final void listen() {
        listen(0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: connections to its port are refused, as when the service is down. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port, with everything it held before. */
    public synchronized void restart() {
        if (server == null) {
            listen(port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void listen(int onPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            started.createContext(contextPath, this::handle);
            started.start();
            server = started;
            port = started.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(description + " could not listen on port " + onPort, e);
        }
    }

    /** The parameters of a raw query string, decoded; a parameter given twice keeps its last value. */
    protected static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
