package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.security.SecurityEvent.AccountCreated;
import dev.switchboard.security.SecurityEvent.AccountDeleted;
import dev.switchboard.security.SecurityEvent.AccountUnlocked;
import dev.switchboard.security.SecurityEvent.KioskLinkCreated;
import dev.switchboard.security.SecurityEvent.KioskLinkRevoked;
import dev.switchboard.security.SecurityEvent.TokenCreated;
import dev.switchboard.security.SecurityEvent.TokenRevoked;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages: accounts, API tokens and kiosk links. Every change is audited; secrets are shown once. */
@Controller
class AdminController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    private final Accounts accounts;
    private final AccountStore store;
    private final ApiTokens tokens;
    private final KioskLinks kiosks;
    private final PasswordEncoder encoder;
    private final CachingAuthenticationManager basicCache;
    private final ApplicationEventPublisher events;
    private final LoginAttempts attempts;
    private final ActiveSessions sessions;

    AdminController(Accounts accounts, AccountStore store, ApiTokens tokens, KioskLinks kiosks, PasswordEncoder encoder,
                    CachingAuthenticationManager basicCache, ApplicationEventPublisher events, LoginAttempts attempts,
                    ActiveSessions sessions) {
        this.attempts = attempts;
        this.sessions = sessions;
        this.accounts = accounts;
        this.store = store;
        this.tokens = tokens;
        this.kiosks = kiosks;
        this.encoder = encoder;
        this.basicCache = basicCache;
        this.events = events;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        List<Account> all = accounts.all();
        model.addAttribute("accounts", all);
        model.addAttribute("locked", all.stream().map(Account::name).filter(attempts::isLockedAnywhere)
                .collect(Collectors.toSet()));
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("kiosks", kiosks.all());
        model.addAttribute("accountRoles", List.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN));
        model.addAttribute("tokenRoles", List.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.METRICS));
        return "security/admin";
    }

    @PostMapping("/admin/accounts")
    String createAccount(@RequestParam String name, @RequestParam String password, @RequestParam Role role,
                         Authentication auth, HttpServletRequest request, RedirectAttributes flash) {
        if (!NAME.matcher(name).matches()) {
            flash.addFlashAttribute("error", "admin.error.name");
        } else if (role == Role.METRICS) { // a token's role: a person with it would see nothing
            flash.addFlashAttribute("error", "admin.error.metricsIsForTokens");
        } else if (!PasswordController.fitsBcrypt(password)) {
            flash.addFlashAttribute("error", "admin.error.password");
        } else if (accounts.find(name).isPresent()) {
            flash.addFlashAttribute("error", "admin.error.exists");
        } else {
            store.create(name, encoder.encode(password), role);
            events.publishEvent(new AccountCreated(actor(auth, request), name, role));
            flash.addFlashAttribute("done", "admin.done.accountCreated");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{name}/delete")
    String deleteAccount(@PathVariable String name, Authentication auth, HttpServletRequest request,
                         RedirectAttributes flash) {
        if (name.equals(auth.getName())) {
            flash.addFlashAttribute("error", "admin.error.self");
        } else if (store.delete(name)) {
            basicCache.clear();
            sessions.endSessionsOf(name);
            events.publishEvent(new SessionsEnded(name));
            events.publishEvent(new AccountDeleted(actor(auth, request), name));
            flash.addFlashAttribute("done", "admin.done.accountDeleted");
        } else {
            flash.addFlashAttribute("error", "admin.error.notManaged");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{name}/unlock")
    String unlockAccount(@PathVariable String name, Authentication auth, HttpServletRequest request,
                         RedirectAttributes flash) {
        if (accounts.find(name).isEmpty()) {
            flash.addFlashAttribute("error", "admin.error.noSuchAccount");
        } else {
            attempts.unlock(name);
            events.publishEvent(new AccountUnlocked(actor(auth, request), name));
            flash.addFlashAttribute("done", "admin.done.accountUnlocked");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/tokens")
    String createToken(@RequestParam String name, @RequestParam Role role, Authentication auth,
                       HttpServletRequest request, RedirectAttributes flash) {
        if (name.isBlank() || name.length() > 100) {
            flash.addFlashAttribute("error", "admin.error.tokenName");
            return "redirect:/admin";
        }
        String secret = tokens.create(name.strip(), auth.getName(), role);
        events.publishEvent(new TokenCreated(actor(auth, request), name.strip(), role));
        flash.addFlashAttribute("secret", secret);
        return "redirect:/admin";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revokeToken(@PathVariable String id, Authentication auth, HttpServletRequest request,
                       RedirectAttributes flash) {
        if (tokens.revoke(id)) {
            events.publishEvent(new TokenRevoked(actor(auth, request), id));
            flash.addFlashAttribute("done", "admin.done.revoked");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/kiosks")
    String createKiosk(@RequestParam String name, Authentication auth, HttpServletRequest request,
                       RedirectAttributes flash) {
        if (name.isBlank() || name.length() > 100) {
            flash.addFlashAttribute("error", "admin.error.tokenName");
            return "redirect:/admin";
        }
        String secret = kiosks.create(name.strip(), auth.getName());
        events.publishEvent(new KioskLinkCreated(actor(auth, request), name.strip()));
        flash.addFlashAttribute("kioskPath", "/kiosk/" + secret);
        return "redirect:/admin";
    }

    @PostMapping("/admin/kiosks/{id}/revoke")
    String revokeKiosk(@PathVariable String id, Authentication auth, HttpServletRequest request,
                       RedirectAttributes flash) {
        if (kiosks.revoke(id)) {
            events.publishEvent(new KioskLinkRevoked(actor(auth, request), id));
            flash.addFlashAttribute("done", "admin.done.revoked");
        }
        return "redirect:/admin";
    }

    private static AuditActor actor(Authentication auth, HttpServletRequest request) {
        return AuditActor.of(auth, request);
    }
}
