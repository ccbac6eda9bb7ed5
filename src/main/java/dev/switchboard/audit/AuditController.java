package dev.switchboard.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The newest audit events and whether the chain is intact; the full viewer comes later. */
@Controller
class AuditController {

    private static final int SHOWN = 200;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String list(Model model) {
        model.addAttribute("events", trail.latest(SHOWN));
        model.addAttribute("check", trail.verify());
        return "audit/list";
    }
}
