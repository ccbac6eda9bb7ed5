package dev.switchboard.rollout;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.NameNotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms that change a run: each hands the request to its action and goes back to the run's
 * page, where a refusal shows. They need an OPERATOR (see the security configuration); the update
 * command only starts here and runs on in the background. A refusal goes into the flash as one
 * {@link Translatable} ({@code error}), which {@code fragments/flash.html} renders in the reader's language.
 */
@Controller
class RolloutActions {

    private final Rollouts rollouts;
    private final CreateRun create;
    private final SignOffStep signOff;
    private final OverrideStep override;
    private final SkipStep skip;
    private final RunUpdateCommand update;
    private final RelinkServer relink;
    private final AbandonRun abandon;

    RolloutActions(Rollouts rollouts, CreateRun create, SignOffStep signOff, OverrideStep override, SkipStep skip,
                   RunUpdateCommand update, RelinkServer relink, AbandonRun abandon) {
        this.rollouts = rollouts;
        this.create = create;
        this.signOff = signOff;
        this.override = override;
        this.skip = skip;
        this.update = update;
        this.relink = relink;
        this.abandon = abandon;
    }

    @PostMapping("/rollouts")
    String create(@RequestParam String group, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String version, Authentication auth, HttpServletRequest request,
                  RedirectAttributes flash) {
        try {
            return "redirect:/rollouts/" + create.create(group, title, version, AuditActor.of(auth, request)).id();
        } catch (RolloutRefused e) {
            flash.addFlashAttribute("error", e.text());
            flash.addFlashAttribute("form", Map.of("group", group, "title", title, "version", version));
            return "redirect:/rollouts";
        }
    }

    @PostMapping("/rollouts/{id}/steps/{step}/sign-off")
    String signOff(@PathVariable String id, @PathVariable int step, @RequestParam(defaultValue = "") String note,
                   Authentication auth, HttpServletRequest request, RedirectAttributes flash) {
        return act(id, flash, () -> signOff.signOff(id, step, note, AuditActor.of(auth, request)));
    }

    @PostMapping("/rollouts/{id}/steps/{step}/override")
    String override(@PathVariable String id, @PathVariable int step, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(defaultValue = "") String note, Authentication auth, HttpServletRequest request,
                    RedirectAttributes flash) {
        return act(id, flash, () -> override.override(id, step, reason, note, AuditActor.of(auth, request)));
    }

    @PostMapping("/rollouts/{id}/steps/{step}/skip")
    String skip(@PathVariable String id, @PathVariable int step, @RequestParam(defaultValue = "") String reason,
                Authentication auth, HttpServletRequest request, RedirectAttributes flash) {
        return act(id, flash, () -> skip.skip(id, step, reason, AuditActor.of(auth, request)));
    }

    /** Starts the update command and answers at once; the run's page shows it running. */
    @PostMapping("/rollouts/{id}/steps/{step}/update")
    String update(@PathVariable String id, @PathVariable int step, Authentication auth, HttpServletRequest request,
                  RedirectAttributes flash) {
        return act(id, flash, () -> update.start(id, step, AuditActor.of(auth, request)));
    }

    @PostMapping("/rollouts/{id}/steps/{step}/relink")
    String relink(@PathVariable String id, @PathVariable int step, Authentication auth, HttpServletRequest request,
                  RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<String> done = relink.relink(id, step, AuditActor.of(auth, request));
            flash.addFlashAttribute("relinked", done);
            return done;
        });
    }

    @PostMapping("/rollouts/{id}/abandon")
    String abandon(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Authentication auth,
                   HttpServletRequest request, RedirectAttributes flash) {
        return act(id, flash, () -> abandon.abandon(id, reason, AuditActor.of(auth, request)));
    }

    /** Does the action and goes back to the run; a refusal or engine failure shows there. */
    private String act(String id, RedirectAttributes flash, Supplier<?> action) {
        rollouts.find(id).orElseThrow(() -> new NameNotFound("rolling update", id));
        try {
            action.get();
        } catch (RolloutRefused e) {
            flash.addFlashAttribute("error", e.text());
            flash.addFlashAttribute("failing", e.failing());
        } catch (EngineException e) {
            flash.addFlashAttribute("error", Translatable.of("rollout.error.engine", e.text()));
        }
        return "redirect:/rollouts/" + id;
    }
}
