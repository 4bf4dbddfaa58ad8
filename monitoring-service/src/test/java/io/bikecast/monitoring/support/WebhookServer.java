package io.bikecast.monitoring.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for Slack's and Discord's webhooks on 127.0.0.1: records every JSON body posted to {@code /slack} and
 * {@code /discord}. It can be stopped and started again on the same port, to play a webhook that is down.
 */
public final class WebhookServer {

    /** The secrets in the two webhook URLs; nothing monitoring stores, shows or logs may contain them. */
    public static final String SLACK_TOKEN = "slackSecretToken0123456789";

    public static final String DISCORD_TOKEN = "discordSecretToken0123456789";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final List<JsonNode> slack = new CopyOnWriteArrayList<>();
    private final List<JsonNode> discord = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private WebhookServer(int port) {
        this.port = port;
    }

    public static WebhookServer start() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebhookServer webhooks = new WebhookServer(port);
        webhooks.up();
        return webhooks;
    }

    public synchronized void up() {
        server = bind();
        server.createContext("/slack", exchange -> {
            slack.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.createContext("/discord", exchange -> {
            discord.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Binds the port, waiting up to 10 s for a just-stopped server's socket to be released. */
    private HttpServer bind() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException(e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        server.stop(0);
    }

    /** Shaped like Slack's, whose last segment is the webhook's secret token: {@link #SLACK_TOKEN}. */
    public String slackUrl() {
        return "http://127.0.0.1:" + port + "/slack/services/T0BIKECAST/B0BIKECAST/" + SLACK_TOKEN;
    }

    /** Shaped like Discord's, whose last segment is the webhook's secret token: {@link #DISCORD_TOKEN}. */
    public String discordUrl() {
        return "http://127.0.0.1:" + port + "/discord/api/webhooks/1234567890/" + DISCORD_TOKEN;
    }

    /** Slack messages received whose fallback text contains the given text. */
    public List<JsonNode> slackMessages(String containing) {
        return slack.stream()
                .filter(m -> m.path("text").asString().contains(containing))
                .toList();
    }

    /** A Slack message's summary: the text of its second block, the section under the header. */
    public static String slackSummary(JsonNode message) {
        return message.path("blocks").path(1).path("text").path("text").asString();
    }

    /** Discord messages received whose embed title contains the given text. */
    public List<JsonNode> discordMessages(String containing) {
        return discord.stream()
                .filter(m -> m.path("embeds").path(0).path("title").asString().contains(containing))
                .toList();
    }
}
