package io.bikecast.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A stand-in for the services' HTTP APIs on 127.0.0.1: every request under {@code /api/v1/} goes to one handler. */
final class StandIn implements AutoCloseable {

    /** Answers one request, with {@link #send}. */
    interface Handler {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;

    private StandIn(HttpServer server) {
        this.server = server;
    }

    static StandIn start(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/", handler::answer);
            server.start();
            return new StandIn(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** JSON with a 200, a problem detail with any other status, as the services answer. */
    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
