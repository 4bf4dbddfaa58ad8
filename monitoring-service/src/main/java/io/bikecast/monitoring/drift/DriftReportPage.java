package io.bikecast.monitoring.drift;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A drift report as one self-contained HTML page: the verdict, the window, a table of every test, and per feature a
 * bar chart of the reference and current distributions as inline SVG (no script, no external resource, so it opens
 * anywhere, including from a chat link behind a firewall).
 */
final class DriftReportPage {

    private static final String REFERENCE_COLOUR = "#4C78A8";
    private static final String CURRENT_COLOUR = "#F58518";
    private static final int CHART_WIDTH = 560;
    private static final int CHART_HEIGHT = 180;

    private DriftReportPage() {}

    static String render(DriftReport report) {
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Drift report ")
                .append(report.id())
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1250px}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append(".DRIFT{color:#b00020;font-weight:bold}.NO_DRIFT{color:#1b7f3b}")
                .append(".NOT_ENOUGH_DATA,.ERROR{color:#8a6d00;font-weight:bold}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #ddd;padding:.5rem 1rem}")
                .append(".legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}")
                .append("</style></head><body>");
        html.append("<h1>Drift report</h1><p>Verdict: <span class=\"")
                .append(report.verdict())
                .append("\">")
                .append(report.verdict())
                .append("</span> — ")
                .append(esc(report.detail()))
                .append("</p>");
        html.append("<table><tbody>");
        row(html, "report", String.valueOf(report.id()));
        row(html, "checked at", String.valueOf(report.createdAt()));
        row(html, "clock time", String.valueOf(report.clockTime()));
        row(html, "trigger", String.valueOf(report.trigger()));
        row(html, "model", report.modelName() + (report.modelVersion() == null ? "" : " v" + report.modelVersion()));
        row(html, "reference rows", Integer.toString(report.referenceSize()));
        row(html, "current predictions", Integer.toString(report.currentSize()));
        if (report.seriesCount() != null) {
            row(html, "series (stations)", Integer.toString(report.seriesCount()));
        }
        DriftReport.Window window = report.window();
        if (window != null) {
            row(
                    html,
                    "window",
                    window.mode() == DriftProperties.WindowMode.LAST_N
                            ? "the last " + window.size() + " served predictions of the champion"
                            : "the predictions for the last " + window.hours().toHours() + " predicted hours");
            row(html, "predicted hours", window.firstHour() + " … " + window.lastHour());
            row(html, "predicted at", window.from() + " … " + window.to());
        }
        if (report.weatherReference() != null) {
            row(
                    html,
                    "weather and predictions tested against",
                    report.weatherReference().describe());
            row(html, "calendar features tested against", "whole reference (reported, never counted)");
        }
        if (report.driftShare() != null) {
            row(
                    html,
                    "drift share",
                    format(
                            "%.0f%% of the weather features (dataset drift at %.0f%%)",
                            report.driftShare() * 100, report.settings().datasetDriftShare() * 100));
        }
        DriftReport.Settings settings = report.settings();
        row(
                html,
                "settings",
                format(
                        "α = %.3g, correction %s, KS floor D ≥ %.3g, chi-square floor TVD ≥ %.3g",
                        settings.alpha(),
                        settings.correction(),
                        settings.ksMinStatistic(),
                        settings.chiSquareMinDistance()));
        html.append("</tbody></table>");

        if (!report.features().isEmpty()) {
            html.append("<h2>Tests</h2><table><thead><tr><th class=\"l\">feature</th><th class=\"l\">role</th>")
                    .append("<th class=\"l\">reference</th><th class=\"l\">test</th>")
                    .append("<th>statistic</th><th>p-value</th><th>adjusted p</th><th>effect size</th>")
                    .append("<th>floor</th><th>reference mean</th><th>current mean</th><th class=\"l\">verdict</th>")
                    .append("</tr></thead><tbody>");
            for (FeatureDrift feature : report.features()) {
                html.append("<tr><td class=\"l\">")
                        .append(esc(feature.feature()))
                        .append("</td><td class=\"l\">")
                        .append(feature.role().name().toLowerCase(Locale.ROOT))
                        .append("</td><td class=\"l\">")
                        .append(esc(reference(feature)))
                        .append("</td><td class=\"l\">")
                        .append(
                                feature.test() == StatisticalTest.KOLMOGOROV_SMIRNOV
                                        ? "Kolmogorov–Smirnov"
                                        : "chi-square (df " + feature.degreesOfFreedom() + ")")
                        .append("</td><td>")
                        .append(format("%.4g", feature.statistic()))
                        .append("</td><td>")
                        .append(format("%.3g", feature.pValue()))
                        .append("</td><td>")
                        .append(format("%.3g", feature.adjustedPValue()))
                        .append("</td><td>")
                        .append(format("%.3f", feature.effectSize()))
                        .append(feature.test() == StatisticalTest.KOLMOGOROV_SMIRNOV ? " (D)" : " (TVD)")
                        .append("</td><td>")
                        .append(format("%.3f", feature.effectSizeFloor()))
                        .append("</td><td>")
                        .append(format("%.4g", feature.referenceMean()))
                        .append("</td><td>")
                        .append(format("%.4g", feature.currentMean()))
                        .append("</td><td class=\"l ")
                        .append(feature.verdict())
                        .append("\">")
                        .append(feature.verdict())
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
            html.append("<h2>Distributions</h2><p class=\"legend\"><span style=\"background:")
                    .append(REFERENCE_COLOUR)
                    .append("\"></span>reference (champion's training sample)<span style=\"background:")
                    .append(CURRENT_COLOUR)
                    .append("\"></span>current window</p><div class=\"grid\">");
            for (FeatureDrift feature : report.features()) {
                html.append("<div class=\"card\"><h3>")
                        .append(esc(feature.feature()))
                        .append(" <small class=\"")
                        .append(feature.verdict())
                        .append("\">")
                        .append(feature.verdict())
                        .append("</small></h3>")
                        .append(chart(feature))
                        .append("</div>");
            }
            html.append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    private static String reference(FeatureDrift feature) {
        return ReferenceSelection.SEASONAL.equals(feature.reference())
                ? format(
                        "seasonal %s … %s (%d rows)",
                        feature.referenceFrom(), feature.referenceTo(), feature.referenceSize())
                : format("%s (%d rows)", feature.reference(), feature.referenceSize());
    }

    /** Paired bars per bin, reference left and current right, on a common share axis. */
    private static String chart(FeatureDrift feature) {
        Histogram histogram = feature.histogram();
        int bins = histogram.labels().size();
        double max = 0;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, Math.max(histogram.reference()[i], histogram.current()[i]));
        }
        max = max == 0 ? 1 : max;
        int left = 40;
        int bottom = 30;
        double plotHeight = CHART_HEIGHT - bottom - 10;
        double slot = (CHART_WIDTH - left - 10) / (double) bins;
        double bar = Math.max(1, slot * 0.4);
        StringBuilder svg = new StringBuilder();
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"%s: reference and current distributions\">",
                CHART_WIDTH, CHART_HEIGHT, esc(feature.feature())));
        double axisY = 10 + plotHeight;
        svg.append(format("<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\"/>", left, left, axisY));
        svg.append(format(
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\"/>",
                left, axisY, CHART_WIDTH - 10, axisY));
        svg.append(format(
                "<text x=\"%d\" y=\"18\" font-size=\"10\" text-anchor=\"end\">%.0f%%</text>", left - 4, max * 100));
        svg.append(format("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">0</text>", left - 4, axisY));
        int labelEvery = Math.max(1, (int) Math.ceil(bins / 12.0));
        for (int i = 0; i < bins; i++) {
            double x = left + i * slot + slot * 0.1;
            bar(
                    svg,
                    x,
                    histogram.reference()[i],
                    max,
                    plotHeight,
                    bar,
                    REFERENCE_COLOUR,
                    histogram.labels().get(i),
                    "reference");
            bar(
                    svg,
                    x + bar,
                    histogram.current()[i],
                    max,
                    plotHeight,
                    bar,
                    CURRENT_COLOUR,
                    histogram.labels().get(i),
                    "current");
            if (i % labelEvery == 0) {
                svg.append(format(
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                        left + i * slot + slot / 2,
                        axisY + 14,
                        esc(histogram.labels().get(i))));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(
            StringBuilder svg,
            double x,
            double share,
            double max,
            double plotHeight,
            double width,
            String colour,
            String label,
            String side) {
        double height = share / max * plotHeight;
        svg.append(format(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s: %.1f%%</title></rect>",
                x, 10 + plotHeight - height, width, height, colour, side, esc(label), share * 100));
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th class=\"l\">")
                .append(esc(name))
                .append("</th><td class=\"l\">")
                .append(esc(value))
                .append("</td></tr>");
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
