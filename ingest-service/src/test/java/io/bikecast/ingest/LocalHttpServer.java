package io.bikecast.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP server on 127.0.0.1 that serves byte arrays by path, and a socket that accepts connections and never
 * answers: the internet as the URL source sees it, without the internet.
 */
public final class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                requested.add(exchange.getRequestURI().getPath());
                String location = redirects.get(exchange.getRequestURI().getPath());
                if (location != null) {
                    exchange.getResponseHeaders().add("Location", location);
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                    return;
                }
                byte[] body = files.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(
                        statuses.getOrDefault(exchange.getRequestURI().getPath(), 200), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("silent-server").start(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket socket = silent.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} at {@code path} and returns its URL. */
    public String serve(String path, byte[] body) {
        files.put(path, body);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers {@code path} with {@code status} (an error, say) and {@code body}, and returns its URL. */
    public String answer(String path, int status, byte[] body) {
        statuses.put(path, status);
        return serve(path, body);
    }

    /** Answers {@code path} with a 302 to {@code location} and returns its URL. */
    public String redirect(String path, String location) {
        redirects.put(path, location);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The port of the server, for URLs that name it through another host or address. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The paths requested so far, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    /** A URL whose server accepts the connection and then never sends a byte. */
    public String silentUrl() {
        return "http://127.0.0.1:" + silent.getLocalPort() + "/hour.csv";
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        silent.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
