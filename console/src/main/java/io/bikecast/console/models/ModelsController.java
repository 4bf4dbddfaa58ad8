package io.bikecast.console.models;

import io.bikecast.console.services.Reply;
import io.bikecast.console.services.TrainingApi;
import io.bikecast.console.services.TrainingApi.ModelVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry: every version with its holdout metrics, the alias history, and the promote and roll-back forms. The
 * console holds no key: the operator types it into the form, and it is forwarded as {@code X-API-Key} once.
 */
@Controller
class ModelsController {

    private final TrainingApi training;

    ModelsController(TrainingApi training) {
        this.training = training;
    }

    /**
     * What became of a move.
     *
     * @param done true if the training service made it
     * @param refused true if it refused the key (401 or 403)
     */
    record Outcome(boolean done, boolean refused, String message) {

        static Outcome of(Reply<ModelVersion> reply, String what) {
            if (reply.ok()) {
                ModelVersion version = reply.value();
                return new Outcome(true, false, what + ": v" + version.version() + " is now " + version.alias() + ".");
            }
            boolean refused = reply.outcome() == Reply.Outcome.REFUSED;
            return new Outcome(
                    false,
                    refused,
                    (refused ? "Refused: the API key is missing or wrong. " : "Not done. ") + reply.message());
        }
    }

    @GetMapping("/models")
    String models(Model model) {
        model.addAttribute("page", "models");
        model.addAttribute("versions", Reply.of(TrainingApi.NAME, () -> training.versions(50)));
        model.addAttribute("champion", Reply.of(TrainingApi.NAME, training::champion));
        model.addAttribute("challenger", Reply.of(TrainingApi.NAME, training::challenger));
        model.addAttribute("history", Reply.of(TrainingApi.NAME, () -> training.aliasHistory(30)));
        return "console/models";
    }

    @PostMapping("/models/promote")
    String promote(
            @RequestParam long version,
            @RequestParam(defaultValue = "champion") String alias,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String apiKey,
            RedirectAttributes redirect) {
        Reply<ModelVersion> reply = Reply.of(
                TrainingApi.NAME,
                () -> training.promote(version, apiKey.strip(), new TrainingApi.Promotion(reason, alias)));
        redirect.addFlashAttribute("outcome", Outcome.of(reply, "Promoted"));
        return "redirect:/models";
    }

    @PostMapping("/models/rollback")
    String rollback(
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String apiKey,
            RedirectAttributes redirect) {
        Reply<ModelVersion> reply =
                Reply.of(TrainingApi.NAME, () -> training.rollback(apiKey.strip(), new TrainingApi.Rollback(reason)));
        redirect.addFlashAttribute("outcome", Outcome.of(reply, "Rolled back"));
        return "redirect:/models";
    }
}
