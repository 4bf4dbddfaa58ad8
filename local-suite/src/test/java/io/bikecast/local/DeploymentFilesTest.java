package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files, checked with the tools that read them, without a Docker engine: docker-compose (v1, which
 * parses and validates a compose file with no daemon) and promtool (Prometheus). Both come from Debian's packages
 * ({@code apt-get install --no-install-recommends docker-compose prometheus}); where one is missing, its check is
 * skipped with that instruction. CI installs both.
 */
class DeploymentFilesTest {

    @Test
    void composeFileIsValidWithTheDocumentedEnvironment() throws Exception {
        assumeInstalled("docker-compose");

        Result result = run(
                "docker-compose",
                "--env-file",
                DeploymentFiles.ENV_EXAMPLE.toString(),
                "-f",
                DeploymentFiles.COMPOSE.toString(),
                "config",
                "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void composeRunsEveryServiceAsABuiltImageWithAHealthCheckAndHealthyDependencies() throws Exception {
        String compose = Files.readString(DeploymentFiles.COMPOSE);

        for (String service :
                List.of("ingest-service", "training-service", "prediction-service", "monitoring-service", "console")) {
            assertThat(compose).contains("SERVICE: " + service);
        }
        assertThat(compose).contains("condition: service_healthy").contains("image: apache/kafka:");
        String dockerfile = Files.readString(DeploymentFiles.ROOT.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:21-jre")
                .contains("USER bikecast")
                .contains("HEALTHCHECK");
    }

    /** Issue 15, point 16: the checks above skip where a tool is missing, so every CI that runs them installs both. */
    @Test
    void theGitHubWorkflowInstallsBothToolsBeforeItRunsTheTests() throws Exception {
        String workflow = Files.readString(DeploymentFiles.ROOT.resolve(".github/workflows/ci.yml"));

        int install = workflow.indexOf("apt-get install");
        assertThat(install).as("an apt-get install step").isNotNegative();
        String installLine = workflow.substring(install, workflow.indexOf('\n', install));
        assertThat(installLine).contains("docker-compose").contains("prometheus");
        assertThat(workflow.indexOf("./mvnw -B verify")).isGreaterThan(install);
    }

    @Test
    void prometheusConfigurationAndRulesAreValid() throws Exception {
        assumeInstalled("promtool");

        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: 2 rule files found");
        assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS: 8 rules found");
        assertThat(promtool("check", "rules", "gbfs-rules.yml")).contains("SUCCESS: 1 rules found");
    }

    @Test
    void alertRulesFireWhenTheyShouldAndOnlyThen() throws Exception {
        assumeInstalled("promtool");

        assertThat(promtool("test", "rules", "rules-test.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "gbfs-rules-test.yml")).contains("SUCCESS");
    }

    /** Runs promtool on a file of {@code prometheus/}, asserts that it succeeds, and returns what it printed. */
    private static String promtool(String command, String what, String file) throws Exception {
        Result result = run(
                "promtool",
                command,
                what,
                DeploymentFiles.PROMETHEUS.resolve(file).toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    @Test
    void grafanaProvisionsThePrometheusDatasourceAndFourDashboards() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> titles;
        try (var files = Files.list(DeploymentFiles.DASHBOARDS)) {
            titles = files.sorted()
                    .map(file -> json.readTree(file.toFile()))
                    .map(dashboard -> dashboard.path("title").asString())
                    .toList();
        }

        assertThat(titles)
                .containsExactlyInAnyOrder(
                        "bikecast / Overview",
                        "bikecast / Model performance",
                        "bikecast / Drift",
                        "bikecast / Training and deployment");
        assertThat(Files.readString(DeploymentFiles.ROOT.resolve("grafana/provisioning/datasources/prometheus.yml")))
                .contains("type: prometheus")
                .contains("uid: prometheus");
        JsonNode overview = json.readTree(
                DeploymentFiles.DASHBOARDS.resolve("overview.json").toFile());
        assertThat(overview.path("panels")
                        .valueStream()
                        .map(panel -> panel.path("datasource").path("uid").asString()))
                .containsOnly("prometheus");
    }

    private static void assumeInstalled(String tool) throws Exception {
        assumeTrue(
                run("sh", "-c", "command -v " + tool).exitCode() == 0,
                tool + " is not installed: apt-get install --no-install-recommends docker-compose prometheus");
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("bikecast-tool", ".log");
        Process process = new ProcessBuilder(command)
                .directory(DeploymentFiles.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(process.exitValue(), printed);
    }
}
