package io.bikecast.ingest;

import static io.bikecast.ingest.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.source.HostResolver;
import io.bikecast.testsupport.RealInfrastructure;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import tools.jackson.databind.JsonNode;

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
            "bikecast.ingest.max-rows=100",
            "bikecast.ingest.max-rejections=10",
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
    static final String UNRESOLVABLE_HOST = "unresolvable.test";

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
            return host -> {
                if (host.equals(UNRESOLVABLE_HOST)) {
                    throw new UnknownHostException(host);
                }
                return INTERNAL_HOSTS.containsKey(host)
                        ? new InetAddress[] {InetAddress.getByName(INTERNAL_HOSTS.get(host))}
                        : HostResolver.system().resolve(host);
            };
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
        assertThat(api.postCsv("", headerLine()).type()).isEqualTo(IngestApi.problem("no-rows"));
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

    /**
     * The CSV endpoint bounds its body at {@code max-upload-size} (32 MB) itself, below the platform's 64 MB bound on
     * every body: a declared length over it is answered before a byte of the body is sent.
     */
    @Test
    void aBodyDeclaredOverTheUploadLimitIsRefusedBeforeAByteIsRead() throws IOException {
        long declared = 40L * 1024 * 1024;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/ingest/csv HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + IngestApi.KEY
                                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + declared + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader answer =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(answer.readLine()).startsWith("HTTP/1.1 413");
            JsonNode problem = IngestApi.JSON.readTree(bodyOf(answer));
            assertThat(problem.path("type").asString()).isEqualTo(IngestApi.problem("payload-too-large"));
            assertThat(problem.path("detail").asString())
                    .contains(String.valueOf(declared))
                    .contains("bikecast.ingest.max-upload-size");
        }
    }

    /** A body without a declared length (chunked) is cut off where it passes {@code max-upload-size}. */
    @Test
    void aChunkedBodyOverTheUploadLimitIsCutOffAt413() throws Exception {
        byte[] header = headerLine();
        // Blank lines, which a CSV may hold anywhere: only the body's length can be refused.
        long blankLines = 33L * 1024 * 1024;
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
            private long left = blankLines;

            @Override
            public int read() {
                return left-- > 0 ? '\n' : -1;
            }
        });
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/csv"))
                                .header("Content-Type", "text/csv")
                                .header("X-API-Key", IngestApi.KEY)
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode problem = IngestApi.JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo(IngestApi.problem("payload-too-large"));
        assertThat(problem.path("detail").asString()).contains("bikecast.ingest.max-upload-size");
    }

    /** A batch past {@code max-rows} (100 here), or past {@code max-rejections} (10 here), is refused as a whole. */
    @Test
    void aBatchWithTooManyRowsOrTooManyViolations() {
        IngestApi.Answer tooLong = api.postCsv("", Fixtures.hourCsvWhere(date -> date.startsWith("2011-01-0")));
        assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(413);
        assertThat(tooLong.type()).isEqualTo(IngestApi.problem("too-many-rows"));
        assertThat(tooLong.body().path("detail").asString()).contains("at most 100 rows (bikecast.ingest.max-rows)");

        StringBuilder csv = new StringBuilder(
                "dteday,season,yr,mnth,hr,holiday,weekday,workingday,weathersit,temp,atemp,hum,windspeed,cnt\n");
        for (int hr = 0; hr < 20; hr++) {
            csv.append("2012-06-05,9,1,6,").append(hr).append(",0,2,1,1,0.5,0.5,0.5,0.1,3\n");
        }
        IngestApi.Answer tooBroken = api.postCsv("", csv.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(tooBroken.status()).as(tooBroken.text()).isEqualTo(422);
        assertThat(tooBroken.type()).isEqualTo(IngestApi.problem("too-many-rejections"));
        assertThat(tooBroken.body().path("detail").asString())
                .startsWith("More than 10 contract violations by line 12 (bikecast.ingest.max-rejections)");
        JsonNode first = tooBroken.body().path("firstRejections").path(0);
        assertThat(first.path("line").asLong()).isEqualTo(2);
        assertThat(first.path("column").asString()).isEqualTo("season");
        assertThat(tooBroken.body().path("firstRejections")).hasSize(11);
    }

    /** A download over {@code max-upload-size} is refused once that much of it has been read. */
    @Test
    void aReferencedCsvOverTheUploadLimit() {
        byte[] header = headerLine();
        byte[] large = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) '\n');
        System.arraycopy(header, 0, large, 0, header.length);

        IngestApi.Answer answer = api.postJson("/api/v1/ingest/uci", Map.of("url", SERVER.serve("/large.csv", large)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("source-too-large"));
        assertThat(answer.body().path("detail").asString()).contains("bikecast.ingest.max-upload-size");
    }

    /** A zip whose data is corrupt is a broken zip; one cut off midway is a source that failed while it was read. */
    @Test
    void aBrokenOrTruncatedZip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Readme.txt", "Bike sharing data set\n".repeat(200).getBytes(StandardCharsets.US_ASCII));
        entries.put("hour.csv", fixture("optional-columns.csv"));
        byte[] zip = Zips.of(entries);
        byte[] corrupt = zip.clone();
        // The first byte of Readme.txt's deflated data: 0xFF declares a block type deflate does not have.
        int nameLength = (zip[26] & 0xFF) | (zip[27] & 0xFF) << 8;
        int extraLength = (zip[28] & 0xFF) | (zip[29] & 0xFF) << 8;
        corrupt[30 + nameLength + extraLength] = (byte) 0xFF;
        byte[] truncated = java.util.Arrays.copyOf(zip, 30 + nameLength + extraLength + 10);

        IngestApi.Answer broken =
                api.postJson("/api/v1/ingest/uci", Map.of("url", SERVER.serve("/corrupt.zip", corrupt)));
        assertThat(broken.status()).as(broken.text()).isEqualTo(422);
        assertThat(broken.type()).isEqualTo(IngestApi.problem("bad-zip"));

        IngestApi.Answer cut = api.postJson("/api/v1/ingest/uci", Map.of("url", SERVER.serve("/cut.zip", truncated)));
        assertThat(cut.status()).as(cut.text()).isEqualTo(422);
        assertThat(cut.type()).isEqualTo(IngestApi.problem("source-unreadable"));
    }

    /** A zip whose entry name is not UTF-8 cannot be read: a broken zip, not a server error. */
    @Test
    void aZipWhoseEntryNameIsNotUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("donn\u00e9es.txt"));
            zip.write("x".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }

        IngestApi.Answer answer =
                api.postJson("/api/v1/ingest/uci", Map.of("url", SERVER.serve("/latin1.zip", bytes.toByteArray())));

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("bad-zip"));
    }

    /** A fetched page that is not the UCI CSV is refused without quoting what the server sent. */
    @Test
    void aFetchedPageThatIsNotCsvIsRefusedWithoutQuotingIt() {
        String url = SERVER.serve("/page.csv", "admin-token=s3cr3t,other\n1,2\n".getBytes(StandardCharsets.US_ASCII));

        IngestApi.Answer answer = api.postJson("/api/v1/ingest/uci", Map.of("url", url));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("not-csv"));
        assertThat(answer.text()).doesNotContain("s3cr3t").doesNotContain("admin-token");
        assertThat(answer.body().path("errors").size()).isPositive();
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

    /** A host that does not resolve cannot be reached: 422, before any connection. */
    @Test
    void aUrlWhoseHostDoesNotResolve() {
        IngestApi.Answer answer =
                api.postJson("/api/v1/ingest/uci", Map.of("url", "http://" + UNRESOLVABLE_HOST + "/hour.csv"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("url-unreachable"));
        assertThat(answer.body().path("detail").asString()).contains(UNRESOLVABLE_HOST);
    }

    /** A download that fails is answered with its status only: nothing the server sent reaches the client. */
    @Test
    void aFailedDownloadIsAnsweredWithoutWhatTheServerSent() {
        String secret = "db-password=hunter2";
        String url = SERVER.answer("/failing.csv", 500, ("internal error, " + secret).getBytes(StandardCharsets.UTF_8));

        IngestApi.Answer answer = api.postJson("/api/v1/ingest/uci", Map.of("url", url));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("url-status"));
        assertThat(answer.body().path("detail").asString()).contains("HTTP 500");
        assertThat(answer.text()).doesNotContain("hunter2").doesNotContain("internal error");
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

    /** The header line of a valid CSV, with its line break. */
    private static byte[] headerLine() {
        String csv = new String(fixture("optional-columns.csv"), StandardCharsets.US_ASCII);
        return csv.substring(0, csv.indexOf('\n') + 1).getBytes(StandardCharsets.US_ASCII);
    }

    /** The body of a raw HTTP/1.1 response whose status line has been read: sized or chunked, ASCII. */
    private static String bodyOf(BufferedReader response) throws IOException {
        Integer length = null;
        boolean chunked = false;
        for (String header = response.readLine(); !header.isEmpty(); header = response.readLine()) {
            String name = header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(header.indexOf(':') + 1).strip();
            if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(response.readLine().strip(), 16);
                    size > 0;
                    size = Integer.parseInt(response.readLine().strip(), 16)) {
                body.append(read(response, size));
                response.readLine();
            }
        } else if (length != null) {
            body.append(read(response, length));
        }
        return body.toString();
    }

    private static char[] read(BufferedReader in, int length) throws IOException {
        char[] chars = new char[length];
        for (int read = 0; read < length; ) {
            read += in.read(chars, read, length - read);
        }
        return chars;
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
