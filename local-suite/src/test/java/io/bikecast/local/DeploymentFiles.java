package io.bikecast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The deployment files of the repository (compose, Prometheus, Grafana) and the metric names they query. */
final class DeploymentFiles {

    /** The repository root: tests run in the module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
    static final Path PROMETHEUS = ROOT.resolve("prometheus");
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");

    /** Names that are the services' own metrics; {@code up} and functions are Prometheus's, not the services'. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:bikecast|http_server|jvm|process)_[a-z0-9_]+)\\b");

    private DeploymentFiles() {}

    /** Every metric name the dashboards and alert rules query. */
    static Set<String> queriedMetricNames() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(DASHBOARDS)) {
            dashboards.filter(file -> file.toString().endsWith(".json")).forEach(file -> names.addAll(metricsIn(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.addAll(metricsIn(PROMETHEUS.resolve("rules.yml")));
        return names;
    }

    static Set<String> metricsIn(Path file) {
        Set<String> names = new TreeSet<>();
        try {
            Matcher matcher = METRIC.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The metric names in a Prometheus text exposition. */
    static Set<String> exposedMetricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }
}
