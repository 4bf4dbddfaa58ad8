package io.bikecast.ingest;

import static io.bikecast.ingest.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.source.HostResolver;
import io.bikecast.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile or broken input: each gets a 4xx problem whose type names what is wrong, stores nothing, and leaves the
 * service healthy (checked after every test).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + IngestApi.KEY,
            "bikecast.ingest.archive.max-uncompressed-size=8MB",
            "bikecast.ingest.archive.max-entries=50",
            "bikecast.ingest.fetch.connect-timeout=1s",
            "bikecast.ingest.fetch.read-timeout=1s",
            // The local test server, as an operator would allow a mirror on the same machine; nothing else internal.
            "bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32"
        })
@RealInfrastructure
class HostileInputTest {

    /**
     * Test host names mapped onto internal addresses, so refusing them needs no DNS and sends no traffic anywhere: a
     * URL ingest that failed to refuse them would try to connect to the name through the system resolver, which does
     * not know it.
     */
    static final Map<String, String> INTERNAL_HOSTS = Map.of(
            "metadata.test", "169.254.169.254",
            "intranet.test", "10.1.2.3",
            "other-loopback.test", "127.0.0.2",
            "mapped.test", "::ffff:192.168.0.10");

    @TestConfiguration
    static class StubResolver {

        @Bean
        @Primary
        HostResolver stubResolver() {
            return host -> INTERNAL_HOSTS.containsKey(host)
                    ? new InetAddress[] {InetAddress.getByName(INTERNAL_HOSTS.get(host))}
                    : HostResolver.system().resolve(host);
        }
    }

    static final Path DATA;
    static final Path OUTSIDE;
    static final LocalHttpServer SERVER = new LocalHttpServer();

    static {
        try {
            Path root = Files.createTempDirectory("bikecast-hostile");
            DATA = Files.createDirectory(root.resolve("data"));
            OUTSIDE = Files.writeString(root.resolve("secret.csv"), new String(fixture("optional-columns.csv")));
            Files.createSymbolicLink(DATA.resolve("link.csv"), OUTSIDE);
            Files.write(DATA.resolve("bomb.zip"), zipBomb());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("bikecast.ingest.data-directory", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    IngestApi api;

    @BeforeEach
    void setUp() {
        api = new IngestApi(port);
    }

    @AfterEach
    void nothingStoredAndStillHealthy() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM observation", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class))
                .isZero();
        IngestApi.Answer health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.close();
    }

    @Test
    void anEmptyBody() {
        IngestApi.Answer answer = api.postCsv("", new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("empty-body"));
        assertThat(answer.body().path("title").asString()).isNotBlank();
    }

    @Test
    void aHeaderWithoutRows() {
        byte[] header = new String(fixture("optional-columns.csv"))
                .lines()
                .findFirst()
                .orElseThrow()
                .getBytes();

        assertThat(api.postCsv("", header).type()).isEqualTo(IngestApi.problem("no-rows"));
    }

    @Test
    void somethingThatIsNotCsv() {
        IngestApi.Answer json = api.postCsv("", "{\"rows\": [1, 2, 3]}".getBytes());
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.type()).isEqualTo(IngestApi.problem("not-csv"));
        assertThat(json.body().path("detail").asString()).contains("header");

        IngestApi.Answer unclosedQuote = api.postCsv("", "dteday,\"hr\n2012-01-01,\"3".getBytes());
        assertThat(unclosedQuote.status()).isEqualTo(400);

        IngestApi.Answer wrongType = api.postCsv("", fixture("optional-columns.csv"), "application/pdf", IngestApi.KEY);
        assertThat(wrongType.status()).isEqualTo(415);
    }

    @Test
    void binaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        IngestApi.Answer answer = api.postCsv("", garbage);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("wrong-encoding"));
    }

    @Test
    void theWrongEncoding() {
        String csv = new String(fixture("optional-columns.csv"), StandardCharsets.UTF_8).replace("quiet", "très calme");

        IngestApi.Answer utf16 = api.postCsv("", csv.getBytes(StandardCharsets.UTF_16));
        assertThat(utf16.status()).isEqualTo(400);
        assertThat(utf16.type()).isEqualTo(IngestApi.problem("wrong-encoding"));
        assertThat(utf16.body().path("detail").asString()).contains("UTF-8");

        IngestApi.Answer latin1 = api.postCsv("", csv.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.type()).isEqualTo(IngestApi.problem("wrong-encoding"));

        IngestApi.Answer declared = api.postCsv(
                "", csv.getBytes(StandardCharsets.ISO_8859_1), "text/csv; charset=ISO-8859-1", IngestApi.KEY);
        assertThat(declared.status()).isEqualTo(415);
        assertThat(declared.type()).isEqualTo(IngestApi.problem("wrong-encoding"));
    }

    @Test
    void fiftyMegabytesOfGarbage() {
        byte[] garbage = new byte[50 * 1024 * 1024];
        new Random(7).nextBytes(garbage);

        IngestApi.Answer body = api.postCsv("", garbage);
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.type()).isEqualTo(IngestApi.problem("payload-too-large"));

        IngestApi.Answer multipart = api.postMultipart("garbage.csv", garbage);
        assertThat(multipart.status()).as(multipart.text()).isEqualTo(413);
        assertThat(multipart.type()).as(multipart.text()).isEqualTo(IngestApi.problem("payload-too-large"));
    }

    @Test
    void aZipBomb() {
        IngestApi.Answer byPath = api.postJson("/api/v1/ingest/uci", Map.of("path", "bomb.zip"));
        assertThat(byPath.status()).isEqualTo(422);
        assertThat(byPath.type()).isEqualTo(IngestApi.problem("zip-bomb"));

        String url = SERVER.serve("/bomb.zip", zipBombBeforeHourCsv());
        IngestApi.Answer byUrl = api.postJson("/api/v1/ingest/uci", Map.of("url", url));
        assertThat(byUrl.status()).isEqualTo(422);
        assertThat(byUrl.type()).isEqualTo(IngestApi.problem("zip-bomb"));

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            many.put("empty-" + i + ".txt", new byte[0]);
        }
        IngestApi.Answer manyEntries =
                api.postJson("/api/v1/ingest/uci", Map.of("url", SERVER.serve("/many.zip", Zips.of(many))));
        assertThat(manyEntries.status()).isEqualTo(422);
        assertThat(manyEntries.type()).isEqualTo(IngestApi.problem("zip-bomb"));

        IngestApi.Answer noHourCsv = api.postJson(
                "/api/v1/ingest/uci",
                Map.of("url", SERVER.serve("/readme.zip", Zips.of(Map.of("Readme.txt", new byte[10])))));
        assertThat(noHourCsv.type()).isEqualTo(IngestApi.problem("no-hour-csv"));
    }

    @Test
    void aPathOutsideTheDataDirectory() {
        for (String path : new String[] {"../secret.csv", "/etc/passwd", "link.csv", "a/../../secret.csv"}) {
            IngestApi.Answer answer = api.postJson("/api/v1/ingest/uci", Map.of("path", path));
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.type()).as(path).isEqualTo(IngestApi.problem("path-outside-data-directory"));
        }
        IngestApi.Answer missing = api.postJson("/api/v1/ingest/uci", Map.of("path", "nothing.csv"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.type()).isEqualTo(IngestApi.problem("file-not-found"));
    }

    @Test
    void aUrlThatTimesOutOrIsNotHttp() {
        long start = System.nanoTime();
        IngestApi.Answer answer = api.postJson("/api/v1/ingest/uci", Map.of("url", SERVER.silentUrl()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("url-timeout"));
        assertThat(millis).as("answered after the 1 s read timeout, not later").isLessThan(10_000);

        for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/hour.csv", "http://user:pw@x/y"}) {
            IngestApi.Answer refused = api.postJson("/api/v1/ingest/uci", Map.of("url", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.type()).as(url).isEqualTo(IngestApi.problem("invalid-url"));
        }
        assertThat(api.postJson("/api/v1/ingest/uci", Map.of("url", "http://x/y", "path", "hour.csv"))
                        .status())
                .isEqualTo(400);
    }

    /** Issue 15, point 3: URL ingest never connects to an internal address, given directly or by a redirect. */
    @Test
    void aUrlOrRedirectToAnInternalAddressIsRefusedBeforeAnyConnection() {
        List<String> internal = new ArrayList<>();
        for (String host : INTERNAL_HOSTS.keySet()) {
            internal.add("http://" + host + ":" + SERVER.port() + "/hour.csv");
        }
        internal.add("http://127.0.0.2:" + SERVER.port() + "/direct.csv");
        internal.add("http://[::1]:" + SERVER.port() + "/direct.csv");
        internal.add("http://0.0.0.0:" + SERVER.port() + "/direct.csv");
        for (String url : internal) {
            IngestApi.Answer refused = api.postJson("/api/v1/ingest/uci", Map.of("url", url));
            assertThat(refused.status()).as(url + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.type()).as(url).isEqualTo(IngestApi.problem("invalid-url"));
            assertThat(refused.body().path("errors").path(0).path("reason").asString())
                    .as(url)
                    .contains("allowed-addresses");
        }

        String toMetadata = SERVER.redirect("/moved.csv", "http://metadata.test/latest/meta-data/");
        String toLoopback = SERVER.redirect("/moved-again.csv", "http://127.0.0.2:" + SERVER.port() + "/hour.csv");
        String twice = SERVER.redirect("/twice.csv", toLoopback);
        for (String url : List.of(toMetadata, toLoopback, twice)) {
            IngestApi.Answer refused = api.postJson("/api/v1/ingest/uci", Map.of("url", url));
            assertThat(refused.status()).as(url + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.type()).as(url).isEqualTo(IngestApi.problem("invalid-url"));
            assertThat(refused.body().path("errors").path(0).path("field").asString())
                    .as(url)
                    .startsWith("url (redirected to ");
        }
        // The allowed local server saw the redirecting requests, and never a request a refused URL or redirect named.
        assertThat(SERVER.requested())
                .contains("/moved.csv", "/moved-again.csv", "/twice.csv")
                .doesNotContain("/hour.csv", "/direct.csv");
    }

    /** An archive whose hour.csv inflates to 20 MB (of blank lines) from about 20 kB. */
    static byte[] zipBomb() {
        byte[] blankLines = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(blankLines, (byte) '\n');
        return Zips.of(Map.of("hour.csv", blankLines));
    }

    /** An archive with a 20 MB entry of zeros before a small, valid hour.csv. */
    static byte[] zipBombBeforeHourCsv() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Readme.txt", new byte[20 * 1024 * 1024]);
        entries.put("hour.csv", fixture("optional-columns.csv"));
        return Zips.of(entries);
    }
}
