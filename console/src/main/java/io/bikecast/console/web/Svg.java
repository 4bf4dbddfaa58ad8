package io.bikecast.console.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Charts as inline SVG, drawn on the server: a line chart with an optional band (a forecast and its 80% interval)
 * and grouped bars (histograms, errors by month). The markup scales to its container's width through its viewBox.
 */
public final class Svg {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 36;

    private Svg() {}

    /**
     * One line of a chart.
     *
     * @param values one per x position, null where the line has no value
     * @param dots whether each value gets a dot ({@code circle.point})
     */
    public record Line(String name, String cssClass, List<@Nullable Double> values, boolean dots) {}

    /** A shaded band between two bounds, one per x position (null where there is none). */
    public record Band(String name, List<@Nullable Double> low, List<@Nullable Double> high) {}

    /** One series of grouped bars. */
    public record Bars(String name, String cssClass, List<@Nullable Double> values) {}

    /** Lines over shared x labels, with an optional band drawn beneath them. */
    public static String lineChart(String title, List<String> xLabels, List<Line> lines, @Nullable Band band) {
        int n = xLabels.size();
        double max = 0;
        for (Line line : lines) {
            max = Math.max(max, max(line.values()));
        }
        if (band != null) {
            max = Math.max(max, max(band.high()));
        }
        Scale scale = new Scale(n, niceMax(max));
        StringBuilder svg = open(title);
        axes(svg, scale, xLabels);
        if (band != null) {
            band(svg, scale, band);
        }
        for (Line line : lines) {
            path(svg, scale, line);
        }
        legend(
                svg,
                lines.stream()
                        .map(line -> new Legend(line.name(), line.cssClass()))
                        .toList(),
                band);
        return svg.append("</svg>").toString();
    }

    /** Bars grouped by label, one bar per series in each group. */
    public static String barChart(String title, List<String> labels, List<Bars> series) {
        double max = 0;
        for (Bars bars : series) {
            max = Math.max(max, max(bars.values()));
        }
        Scale scale = new Scale(labels.size(), niceMax(max));
        StringBuilder svg = open(title);
        axes(svg, scale, labels);
        double group = scale.step() * 0.8;
        double width = group / Math.max(1, series.size());
        for (int s = 0; s < series.size(); s++) {
            Bars bars = series.get(s);
            for (int i = 0; i < bars.values().size() && i < labels.size(); i++) {
                Double value = bars.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = scale.x(i) - group / 2 + s * width;
                double y = scale.y(value);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                                + "<title>%s %s: %s</title></rect>",
                        escape(bars.cssClass()),
                        x,
                        y,
                        Math.max(0.5, width - 1),
                        scale.y(0) - y,
                        escape(bars.name()),
                        escape(labels.get(i)),
                        number(value)));
            }
        }
        legend(
                svg,
                series.stream()
                        .map(bars -> new Legend(bars.name(), bars.cssClass()))
                        .toList(),
                null);
        return svg.append("</svg>").toString();
    }

    private record Legend(String name, String cssClass) {}

    /** Maps x positions (the centres of n equal slots) and y values to the drawing area. */
    private record Scale(int n, double max) {

        double step() {
            return (WIDTH - LEFT - RIGHT) / (double) Math.max(1, n);
        }

        double x(int i) {
            return LEFT + step() * (i + 0.5);
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / max);
        }
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                        + " xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                WIDTH,
                HEIGHT,
                escape(title),
                escape(title)));
    }

    private static void axes(StringBuilder svg, Scale scale, List<String> xLabels) {
        for (int t = 0; t <= 4; t++) {
            double value = scale.max() * t / 4;
            double y = scale.y(value);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y,
                    LEFT - 4,
                    y + 4,
                    number(value)));
        }
        int every = Math.max(1, (int) Math.ceil(xLabels.size() / 8.0));
        for (int i = 0; i < xLabels.size(); i += every) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    scale.x(i),
                    HEIGHT - BOTTOM + 16,
                    escape(xLabels.get(i))));
        }
    }

    private static void band(StringBuilder svg, Scale scale, Band band) {
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        for (int i = 0; i < band.low().size() && i < band.high().size(); i++) {
            Double low = band.low().get(i);
            Double high = band.high().get(i);
            if (low == null || high == null) {
                continue;
            }
            upper.append(upper.isEmpty() ? "M" : " L")
                    .append(String.format(Locale.ROOT, "%.1f %.1f", scale.x(i), scale.y(high)));
            lower.insert(0, String.format(Locale.ROOT, " L%.1f %.1f", scale.x(i), scale.y(low)));
        }
        if (!upper.isEmpty()) {
            svg.append("<path class=\"band\" d=\"")
                    .append(upper)
                    .append(lower)
                    .append(" Z\"><title>")
                    .append(escape(band.name()))
                    .append("</title></path>");
        }
    }

    private static void path(StringBuilder svg, Scale scale, Line line) {
        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < line.values().size(); i++) {
            Double value = line.values().get(i);
            if (value == null) {
                drawing = false;
                continue;
            }
            d.append(drawing ? " L" : (d.isEmpty() ? "M" : " M"))
                    .append(String.format(Locale.ROOT, "%.1f %.1f", scale.x(i), scale.y(value)));
            drawing = true;
        }
        svg.append("<path class=\"line ")
                .append(escape(line.cssClass()))
                .append("\" d=\"")
                .append(d)
                .append("\"/>");
        if (line.dots()) {
            for (int i = 0; i < line.values().size(); i++) {
                Double value = line.values().get(i);
                if (value != null) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle class=\"point %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s</title></circle>",
                            escape(line.cssClass()),
                            scale.x(i),
                            scale.y(value),
                            escape(number(value))));
                }
            }
        }
    }

    private static void legend(StringBuilder svg, List<Legend> entries, @Nullable Band band) {
        int x = LEFT;
        for (Legend entry : entries) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"key %s\" x=\"%d\" y=\"6\" width=\"12\" height=\"10\"/>"
                            + "<text class=\"legend\" x=\"%d\" y=\"15\">%s</text>",
                    escape(entry.cssClass()),
                    x,
                    x + 16,
                    escape(entry.name())));
            x += 24 + 7 * entry.name().length();
        }
        if (band != null) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"key band\" x=\"%d\" y=\"6\" width=\"12\" height=\"10\"/>"
                            + "<text class=\"legend\" x=\"%d\" y=\"15\">%s</text>",
                    x,
                    x + 16,
                    escape(band.name())));
        }
    }

    private static double max(List<@Nullable Double> values) {
        return values.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /** A round upper bound: 1, 2 or 5 times a power of ten. */
    static double niceMax(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 1 ? "%.1f" : "%.3f", value);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
