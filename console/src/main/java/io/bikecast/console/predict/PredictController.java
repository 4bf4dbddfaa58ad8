package io.bikecast.console.predict;

import io.bikecast.console.services.PredictionApi;
import io.bikecast.console.services.PredictionApi.Prediction;
import io.bikecast.console.services.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One prediction in either of the service's forms, with its answer and interval; the service checks the fields, and
 * what it refuses is shown in its words.
 */
@Controller
class PredictController {

    /** The UCI form's fields, as the data set has them: whole numbers first, then the normalised weather. */
    static final List<String> UCI_WHOLE =
            List.of("season", "yr", "mnth", "hr", "holiday", "weekday", "workingday", "weathersit");

    static final List<String> UCI_DECIMAL = List.of("temp", "atemp", "hum", "windspeed");

    /** The natural form's fields after its timestamp. */
    static final List<String> NATURAL_DECIMAL =
            List.of("temperatureCelsius", "feelsLikeCelsius", "humidityPercent", "windSpeedKmh");

    /** What the forms start with: a summer weekday rush hour of 2012, in both forms. */
    static final Map<String, String> EXAMPLE = Map.ofEntries(
            Map.entry("season", "3"),
            Map.entry("yr", "1"),
            Map.entry("mnth", "7"),
            Map.entry("hr", "17"),
            Map.entry("holiday", "0"),
            Map.entry("weekday", "3"),
            Map.entry("workingday", "1"),
            Map.entry("weathersit", "1"),
            Map.entry("temp", "0.74"),
            Map.entry("atemp", "0.68"),
            Map.entry("hum", "0.45"),
            Map.entry("windspeed", "0.19"),
            Map.entry("timestamp", "2012-07-04T17:00:00-04:00"),
            Map.entry("temperatureCelsius", "28"),
            Map.entry("feelsLikeCelsius", "30.5"),
            Map.entry("humidityPercent", "45"),
            Map.entry("windSpeedKmh", "12.7"),
            Map.entry("weatherSituation", "1"),
            Map.entry("seriesId", "system"));

    private final PredictionApi prediction;

    PredictController(PredictionApi prediction) {
        this.prediction = prediction;
    }

    @GetMapping("/predict")
    String form(Model model) {
        return page(model, EXAMPLE, null, null);
    }

    @PostMapping("/predict")
    String predict(@RequestParam Map<String, String> form, Model model) {
        String kind = "natural".equals(form.get("form")) ? "natural" : "uci";
        Map<String, Object> request = new LinkedHashMap<>();
        if (kind.equals("uci")) {
            UCI_WHOLE.forEach(field -> put(request, form, field, true));
            UCI_DECIMAL.forEach(field -> put(request, form, field, false));
            text(request, form, "hour");
        } else {
            text(request, form, "timestamp");
            NATURAL_DECIMAL.forEach(field -> put(request, form, field, false));
            put(request, form, "weatherSituation", true);
        }
        text(request, form, "seriesId");
        Map<String, String> values = new LinkedHashMap<>(EXAMPLE);
        values.putAll(form);
        return page(model, values, kind, Reply.of(PredictionApi.NAME, () -> prediction.predict(request)));
    }

    private static String page(Model model, Map<String, String> values, String kind, Reply<Prediction> answer) {
        model.addAttribute("page", "predict");
        model.addAttribute("values", values);
        model.addAttribute("kind", kind);
        model.addAttribute("answer", answer);
        model.addAttribute("uciWhole", UCI_WHOLE);
        model.addAttribute("uciDecimal", UCI_DECIMAL);
        model.addAttribute("naturalDecimal", NATURAL_DECIMAL);
        return "console/predict";
    }

    /** A number as JSON wants it; text that is not one goes as text, for the service to refuse by name. */
    private static void put(Map<String, Object> request, Map<String, String> form, String field, boolean whole) {
        String value = form.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            return;
        }
        try {
            request.put(field, whole ? Long.parseLong(value) : Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            request.put(field, value);
        }
    }

    private static void text(Map<String, Object> request, Map<String, String> form, String field) {
        String value = form.getOrDefault(field, "").strip();
        if (!value.isEmpty()) {
            request.put(field, value);
        }
    }
}
