package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.security.SecurityEvent.PasswordChanged;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone changes their own password here (accounts made in the UI; configured ones change in configuration). */
@Controller
class PasswordController {

    static final int MIN_LENGTH = 12;

    private final Accounts accounts;
    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final CachingAuthenticationManager basicCache;
    private final InitialAdmin initialAdmin;
    private final ApplicationEventPublisher events;
    private final ActiveSessions sessions;

    PasswordController(Accounts accounts, AccountStore store, PasswordEncoder encoder,
                       CachingAuthenticationManager basicCache, InitialAdmin initialAdmin,
                       ApplicationEventPublisher events, ActiveSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.store = store;
        this.encoder = encoder;
        this.basicCache = basicCache;
        this.initialAdmin = initialAdmin;
        this.events = events;
    }

    /** Between 12 and 256 characters, and at most 72 bytes: bcrypt refuses (Spring Security 7) what it would cut. */
    static boolean fitsBcrypt(String password) {
        return password.length() >= MIN_LENGTH && password.length() <= CredentialLimits.MAX_LENGTH
                && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72;
    }

    @GetMapping("/account/password")
    String form() {
        return "security/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
                  Authentication auth, HttpServletRequest request, RedirectAttributes flash) throws IOException {
        Optional<Account> account = accounts.find(auth.getName());
        String error = account.isEmpty() ? "password.error.directory"
                : account.get().fromConfiguration() ? "password.error.configured"
                : !encoder.matches(current, account.get().passwordHash()) ? "password.error.current"
                : !fitsBcrypt(password) ? "password.error.length"
                : !password.equals(confirm) ? "password.error.confirm"
                : password.equals(current) ? "password.error.same"
                : null;
        if (error != null) {
            flash.addFlashAttribute("error", error);
            return "redirect:/account/password";
        }
        store.changePassword(auth.getName(), encoder.encode(password));
        basicCache.clear();
        sessions.endSessionsOf(auth.getName(), request.getSession(false)); // a stolen session ends with the old password
        events.publishEvent(new SessionsEnded(auth.getName()));
        initialAdmin.passwordChanged(auth.getName());
        events.publishEvent(new PasswordChanged(AuditActor.of(auth, request)));
        flash.addFlashAttribute("done", "password.done");
        return "redirect:/account/password";
    }
}
