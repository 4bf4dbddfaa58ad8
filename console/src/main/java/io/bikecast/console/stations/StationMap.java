package io.bikecast.console.stations;

import static io.bikecast.console.web.Svg.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The stations as dots at their latitude and longitude, drawn on the server as inline SVG without map tiles: an
 * equirectangular projection around the system's middle latitude (true to scale across a city), a scale bar, and
 * each dot's area proportional to its station's forecast of the next 24 hours. Each dot has a title (the browser's
 * tooltip) and links to the station's forecast.
 */
final class StationMap {

    private static final int WIDTH = 960;
    private static final int PAD = 28;
    private static final int MIN_HEIGHT = 260;
    private static final int MAX_HEIGHT = 560;
    private static final double MAX_RADIUS = 16;
    private static final double MIN_RADIUS = 3;
    private static final double KM_PER_DEGREE = 111.32;

    private StationMap() {}

    /** The map of the rows that have a position; empty when none has. */
    static String draw(String title, List<StationRow> rows) {
        List<StationRow> placed = rows.stream()
                .filter(row -> row.station().lat() != null && row.station().lon() != null)
                .toList();
        if (placed.isEmpty()) {
            return "";
        }
        double minLat =
                placed.stream().mapToDouble(r -> r.station().lat()).min().orElseThrow();
        double maxLat =
                placed.stream().mapToDouble(r -> r.station().lat()).max().orElseThrow();
        double minLon =
                placed.stream().mapToDouble(r -> r.station().lon()).min().orElseThrow();
        double maxLon =
                placed.stream().mapToDouble(r -> r.station().lon()).max().orElseThrow();
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        // Degrees east scaled to the same length as degrees north, so that distances are true in both directions.
        double spanX = Math.max((maxLon - minLon) * cos, 1e-4);
        double spanY = Math.max(maxLat - minLat, 1e-4);
        int height =
                (int) Math.round(Math.clamp((WIDTH - 2.0 * PAD) * spanY / spanX + 2 * PAD, MIN_HEIGHT, MAX_HEIGHT));
        double scale = Math.min((WIDTH - 2.0 * PAD) / spanX, (height - 2.0 * PAD) / spanY);
        double offsetX = (WIDTH - spanX * scale) / 2;
        double offsetY = (height - spanY * scale) / 2;
        long largest = placed.stream()
                .filter(row -> row.day() != null)
                .mapToLong(row -> row.day().count())
                .max()
                .orElse(0);

        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart map\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                        + " xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>"
                        + "<rect class=\"map-ground\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\"/>",
                WIDTH,
                height,
                escape(title),
                escape(title),
                WIDTH,
                height));
        scaleBar(svg, scale, height);
        // The big dots first, so that a small one beside a big one stays on top and can be pointed at.
        List<StationRow> drawOrder = placed.stream()
                .sorted(Comparator.comparingDouble(row -> -radius(row, largest)))
                .toList();
        for (StationRow row : drawOrder) {
            double x = offsetX + (row.station().lon() - minLon) * cos * scale;
            double y = height - offsetY - (row.station().lat() - minLat) * scale;
            String href = UriComponentsBuilder.fromPath("/forecast")
                    .queryParam("series", row.station().seriesId())
                    .build()
                    .encode()
                    .toUriString();
            svg.append(String.format(
                    Locale.ROOT,
                    "<a href=\"%s\"><circle class=\"station%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\""
                            + " data-series=\"%s\"><title>%s</title></circle></a>",
                    escape(href),
                    row.day() == null ? " no-forecast" : "",
                    x,
                    y,
                    radius(row, largest),
                    escape(row.station().seriesId()),
                    escape(tooltip(row))));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"legend\" x=\"%d\" y=\"16\">dot area: forecast of the next 24 hours%s</text>",
                PAD,
                largest > 0 ? " (largest " + largest + " rentals)" : ""));
        return svg.append("</svg>").toString();
    }

    /** Area proportional to the day's forecast; a station without one gets the smallest dot. */
    static double radius(StationRow row, long largest) {
        if (row.day() == null || largest <= 0) {
            return MIN_RADIUS;
        }
        return MIN_RADIUS
                + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) row.day().count() / largest);
    }

    static String tooltip(StationRow row) {
        StringBuilder text = new StringBuilder(row.label());
        if (row.station().capacity() != null) {
            text.append(", ").append(row.station().capacity()).append(" docks");
        }
        if (row.day() == null) {
            text.append(": no forecast");
        } else {
            text.append(": ").append(row.day().count()).append(" rentals in the next 24 hours");
            if (row.day().low() != null && row.day().high() != null) {
                text.append(String.format(
                        Locale.ROOT,
                        " (%.0f to %.0f)",
                        row.day().low(),
                        row.day().high()));
            }
            text.append(", ").append(row.nextHour().count()).append(" in the next hour");
        }
        if (row.liveError() != null) {
            text.append(String.format(
                    Locale.ROOT, "; live RMSE %.1f", row.liveError().rmse()));
        }
        return text.toString();
    }

    /** A bar of a round number of kilometres, about a fifth of the width, in the bottom left corner. */
    private static void scaleBar(StringBuilder svg, double pixelsPerDegree, int height) {
        double pixelsPerKm = pixelsPerDegree / KM_PER_DEGREE;
        double km = roundDown(WIDTH / 5.0 / pixelsPerKm);
        double length = km * pixelsPerKm;
        int y = height - 10;
        svg.append(String.format(
                Locale.ROOT,
                "<path class=\"scale-bar\" d=\"M%d %d v-5 M%d %d H%.1f v-5\"/>"
                        + "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s km</text>",
                PAD,
                y,
                PAD,
                y,
                PAD + length,
                PAD + length + 6,
                y,
                km >= 1 ? String.format(Locale.ROOT, "%.0f", km) : String.format(Locale.ROOT, "%.1f", km)));
    }

    /** 1, 2 or 5 times a power of ten, at most {@code value}. */
    private static double roundDown(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * magnitude <= value) {
                return step * magnitude;
            }
        }
        return magnitude;
    }
}
