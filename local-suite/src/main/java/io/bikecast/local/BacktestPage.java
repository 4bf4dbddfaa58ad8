package io.bikecast.local;

import io.bikecast.local.BacktestResult.Alert;
import io.bikecast.local.BacktestResult.Day;
import io.bikecast.local.BacktestResult.MonthScore;
import io.bikecast.local.BacktestResult.Retrain;
import io.bikecast.local.BacktestResult.VersionChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backtest.html}: one self-contained page (inline SVG and CSS, no JavaScript, nothing fetched) with the served
 * forecast against the actual per day, the served version's changes marked and explained, and the RMSE per month
 * served against static.
 */
final class BacktestPage {

    static final String FILE = "backtest.html";

    private static final int WIDTH = 960;
    private static final int HEIGHT = 320;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private BacktestPage() {}

    static void write(BacktestResult result, Path directory) {
        try {
            Files.writeString(directory.resolve(FILE), html(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + " to " + directory.toAbsolutePath(), e);
        }
    }

    static String html(BacktestResult result) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>bikecast backtest ")
                .append(result.from())
                .append(" to ")
                .append(result.to())
                .append("</title><style>body{font-family:sans-serif;margin:24px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left;font-size:13px}svg text{font-size:11px}.actual{stroke:#888}")
                .append(".served{stroke:#1f6feb}.static{fill:#bbb}.servedbar{fill:#1f6feb}")
                .append(".marker{stroke:#d1242f;stroke-dasharray:4 3}</style></head><body>\n");
        page.append("<h1>bikecast backtest: ")
                .append(result.from())
                .append(" to ")
                .append(result.to())
                .append(", policy ")
                .append(result.policy())
                .append("</h1>\n");
        page.append("<table><tr><th></th><th>served</th><th>static (bootstrap v")
                .append(result.bootstrapVersion())
                .append(" never retrained)</th></tr>")
                .append(row("RMSE", result.servedRmse(), result.staticRmse()))
                .append(row("MAE", result.servedMae(), result.staticMae()))
                .append("</table>\n<p>")
                .append(result.hours())
                .append(" hours fed, ")
                .append(result.retrains().size())
                .append(" retraining runs, ")
                .append(result.promotions().size())
                .append(" promotions, ")
                .append(result.alerts().size())
                .append(" alerts; ")
                .append(format(result.timings().total()))
                .append(" s of wall time.</p>\n");
        page.append("<h2>Rentals per hour, daily mean: actual and served</h2>\n")
                .append(dailyChart(result));
        page.append("<h2>RMSE by month</h2>\n").append(monthChart(result.rmseByMonth()));
        page.append("<h2>Changes of the served version</h2>\n<table><tr><th>from hour</th><th>version</th>")
                .append("<th>why</th></tr>");
        for (VersionChange change : result.servedVersions()) {
            page.append("<tr><td>")
                    .append(change.dataHour())
                    .append("</td><td>v")
                    .append(change.fromVersion())
                    .append(" → v")
                    .append(change.toVersion())
                    .append("</td><td>")
                    .append(escape(change.why()))
                    .append("</td></tr>");
        }
        page.append("</table>\n<h2>Retraining runs</h2>\n<table><tr><th>data hour</th><th>reasons</th><th>status</th>")
                .append("<th>version</th><th>decision</th><th>wall s</th></tr>");
        for (Retrain retrain : result.retrains()) {
            page.append("<tr><td>")
                    .append(retrain.dataHour())
                    .append("</td><td>")
                    .append(escape(String.join(", ", retrain.reasons())))
                    .append("</td><td>")
                    .append(escape(retrain.status()))
                    .append("</td><td>")
                    .append(retrain.modelVersion() == null ? "" : "v" + retrain.modelVersion())
                    .append("</td><td>")
                    .append(escape(retrain.outcome()))
                    .append("</td><td>")
                    .append(format(retrain.wallSeconds()))
                    .append("</td></tr>");
        }
        page.append("</table>\n<h2>Alerts</h2>\n<table><tr><th>data time</th><th>kind</th><th>title</th>")
                .append("<th>occurrences</th></tr>");
        for (Alert alert : result.alerts()) {
            page.append("<tr><td>")
                    .append(
                            alert.dataTime() == null
                                    ? "bootstrap"
                                    : alert.dataTime().toString())
                    .append("</td><td>")
                    .append(escape(alert.kind()))
                    .append("</td><td>")
                    .append(escape(alert.title()))
                    .append("</td><td>")
                    .append(alert.occurrences())
                    .append("</td></tr>");
        }
        page.append("</table>\n");
        for (String problem : result.problems()) {
            page.append("<p><strong>Not measured:</strong> ")
                    .append(escape(problem))
                    .append("</p>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String dailyChart(BacktestResult result) {
        List<Day> days = result.daily();
        double max = days.stream()
                .mapToDouble(day -> Math.max(mean(day.actual(), day), mean(day.served(), day)))
                .max()
                .orElse(1);
        double yMax = Math.max(1, Math.ceil(max / 50) * 50);
        int n = Math.max(1, days.size() - 1);
        StringBuilder svg = svgStart("rentals per hour, daily mean");
        axis(svg, yMax);
        StringBuilder actual = new StringBuilder();
        StringBuilder served = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = x(i, n);
            actual.append(format(x))
                    .append(',')
                    .append(format(y(mean(day.actual(), day), yMax)))
                    .append(' ');
            served.append(format(x))
                    .append(',')
                    .append(format(y(mean(day.served(), day), yMax)))
                    .append(' ');
            if (day.date().getDayOfMonth() == 1 || i == 0) {
                svg.append("<text x=\"")
                        .append(format(x))
                        .append("\" y=\"")
                        .append(HEIGHT - BOTTOM + 16)
                        .append("\">")
                        .append(day.date())
                        .append("</text>");
            }
        }
        svg.append("<polyline class=\"actual\" fill=\"none\" stroke-width=\"1.5\" points=\"")
                .append(actual)
                .append("\"><title>actual</title></polyline>");
        svg.append("<polyline class=\"served\" fill=\"none\" stroke-width=\"1.5\" points=\"")
                .append(served)
                .append("\"><title>served</title></polyline>");
        if (!days.isEmpty()) {
            for (VersionChange change : result.servedVersions()) {
                long index = ChronoUnit.DAYS.between(
                        days.getFirst().date(), change.dataHour().toLocalDate());
                double x = x(index + change.dataHour().getHour() / 24.0, n);
                svg.append("<line class=\"marker\" x1=\"")
                        .append(format(x))
                        .append("\" x2=\"")
                        .append(format(x))
                        .append("\" y1=\"")
                        .append(TOP)
                        .append("\" y2=\"")
                        .append(HEIGHT - BOTTOM)
                        .append("\"><title>")
                        .append(escape(change.dataHour() + ": v" + change.fromVersion() + " → v" + change.toVersion()
                                + ", " + change.why()))
                        .append("</title></line><text x=\"")
                        .append(format(x + 2))
                        .append("\" y=\"")
                        .append(TOP + 10)
                        .append("\" fill=\"#d1242f\">v")
                        .append(change.toVersion())
                        .append("</text>");
            }
        }
        legend(svg, "actual", "#888", "served", "#1f6feb");
        return svg.append("</svg>\n").toString();
    }

    private static String monthChart(Map<String, MonthScore> months) {
        double max = months.values().stream()
                .mapToDouble(score -> Math.max(value(score.served()), value(score.staticRmse())))
                .max()
                .orElse(1);
        double yMax = Math.max(1, Math.ceil(max / 10) * 10);
        StringBuilder svg = svgStart("RMSE by month");
        axis(svg, yMax);
        int count = Math.max(1, months.size());
        double slot = (WIDTH - LEFT - RIGHT) / (double) count;
        int i = 0;
        for (Map.Entry<String, MonthScore> month : months.entrySet()) {
            double x0 = LEFT + i * slot + slot * 0.15;
            double barWidth = slot * 0.33;
            bar(svg, "servedbar", x0, barWidth, month.getValue().served(), yMax, "served");
            bar(svg, "static", x0 + barWidth, barWidth, month.getValue().staticRmse(), yMax, "static");
            svg.append("<text x=\"")
                    .append(format(x0))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16)
                    .append("\">")
                    .append(escape(month.getKey()))
                    .append("</text>");
            i++;
        }
        legend(svg, "served", "#1f6feb", "static", "#bbb");
        return svg.append("</svg>\n").toString();
    }

    private static void bar(
            StringBuilder svg, String css, double x, double width, Double value, double yMax, String what) {
        if (value == null) {
            return;
        }
        double top = y(value, yMax);
        svg.append("<rect class=\"")
                .append(css)
                .append("\" x=\"")
                .append(format(x))
                .append("\" y=\"")
                .append(format(top))
                .append("\" width=\"")
                .append(format(width))
                .append("\" height=\"")
                .append(format(HEIGHT - BOTTOM - top))
                .append("\"><title>")
                .append(what)
                .append(' ')
                .append(format(value))
                .append("</title></rect><text x=\"")
                .append(format(x + 2))
                .append("\" y=\"")
                .append(format(top - 3))
                .append("\">")
                .append(format(value))
                .append("</text>");
    }

    private static StringBuilder svgStart(String label) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\">");
    }

    private static void axis(StringBuilder svg, double yMax) {
        for (int step = 0; step <= 4; step++) {
            double value = yMax * step / 4;
            double y = y(value, yMax);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(format(y))
                    .append("\" y2=\"")
                    .append(format(y))
                    .append("\" stroke=\"#eee\"/><text x=\"4\" y=\"")
                    .append(format(y + 4))
                    .append("\">")
                    .append(format(value))
                    .append("</text>");
        }
    }

    private static void legend(
            StringBuilder svg, String first, String firstColour, String second, String secondColour) {
        svg.append("<rect x=\"")
                .append(WIDTH - 170)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"10\" height=\"10\" fill=\"")
                .append(firstColour)
                .append("\"/><text x=\"")
                .append(WIDTH - 156)
                .append("\" y=\"")
                .append(TOP + 9)
                .append("\">")
                .append(first)
                .append("</text><rect x=\"")
                .append(WIDTH - 100)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"10\" height=\"10\" fill=\"")
                .append(secondColour)
                .append("\"/><text x=\"")
                .append(WIDTH - 86)
                .append("\" y=\"")
                .append(TOP + 9)
                .append("\">")
                .append(second)
                .append("</text>");
    }

    private static double x(double index, int n) {
        return LEFT + index * (WIDTH - LEFT - RIGHT) / n;
    }

    private static double y(double value, double yMax) {
        return HEIGHT - BOTTOM - value / yMax * (HEIGHT - TOP - BOTTOM);
    }

    private static double mean(long total, Day day) {
        return day.hours() == 0 ? 0 : (double) total / day.hours();
    }

    private static double value(Double value) {
        return value == null ? 0 : value;
    }

    private static String row(String metric, Double served, Double staticValue) {
        return "<tr><td>" + metric + "</td><td>" + format(served) + "</td><td>" + format(staticValue) + "</td></tr>";
    }

    static String format(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
