package io.bikecast.training.run;

import io.bikecast.training.forecast.CandidateEvaluation;
import io.bikecast.training.forecast.LeadScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every candidate a run trained as the registry and the run record keep it: what it was (algorithm, target,
 * parameters), how it scored (the mean RMSE over the leads with history, and each lead), and which was chosen.
 */
final class CandidateSummaries {

    private CandidateSummaries() {}

    static List<Map<String, Object>> of(List<CandidateEvaluation> candidates, CandidateEvaluation chosen) {
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (CandidateEvaluation candidate : candidates) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("algorithm", candidate.recipe().algorithm().id());
            summary.put(
                    "targetTransform", candidate.recipe().algorithm().target().name());
            summary.put("parameters", candidate.recipe().parameters());
            summary.put("calibrationHours", candidate.recipe().calibrationHours());
            summary.put("score", candidate.score());
            summary.put("chosen", candidate == chosen);
            if (candidate.championVersion() != null) {
                summary.put("evaluatedAsChampion", candidate.championVersion());
            }
            List<Map<String, Object>> leads = new ArrayList<>();
            for (LeadScore lead : candidate.leads()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("lead", lead.lead());
                row.put("rmse", lead.metrics().rmse());
                row.put("mae", lead.metrics().mae());
                row.put("r2", lead.metrics().r2());
                row.put("withinTwentyPercent", lead.metrics().withinTwentyPercent());
                row.put("coverage80", lead.coverage80());
                row.put("intervalLow", lead.intervalLow());
                row.put("intervalHigh", lead.intervalHigh());
                leads.add(row);
            }
            summary.put("leads", leads);
            summaries.add(summary);
        }
        return summaries;
    }
}
