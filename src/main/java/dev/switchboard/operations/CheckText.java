package dev.switchboard.operations;

import dev.switchboard.Translatable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks and refusals as text in a language: for the API's answers (the reader's language) and
 * the audit trail (English, as the rest of the trail).
 */
@Component
class CheckText {

    private final MessageSource messages;

    CheckText(MessageSource messages) {
        this.messages = messages;
    }

    String reason(Check check, Locale locale) {
        return messages.getMessage(check.reasonKey(), check.argArray(), locale);
    }

    /** How to fix a WARN or FAIL; null for a PASS. */
    String fix(Check check, Locale locale) {
        return check.fixKey() == null ? null : messages.getMessage(check.fixKey(), check.argArray(), locale);
    }

    String message(Refusal refusal, Locale locale) {
        return text(refusal.text(), locale);
    }

    /** Any text for a person (an operation's result, a refusal) in the reader's language. */
    String text(Translatable text, Locale locale) {
        return messages.getMessage(text, locale);
    }

    /** A check as the API shows it: id, verdict, reason and fix. */
    Map<String, Object> json(Check check, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", check.id());
        m.put("verdict", check.verdict().name());
        m.put("reason", reason(check, locale));
        m.put("fix", fix(check, locale));
        return m;
    }

    List<Map<String, Object>> json(List<Check> checks, Locale locale) {
        return checks.stream().map(c -> json(c, locale)).toList();
    }

    /** A check's outcome as a started move records it, a WARN with who accepted it. */
    String outcome(Check check, Acknowledgement acknowledgement) {
        String accepted = check.verdict() == Check.Verdict.WARN ? accepted(acknowledgement) : "";
        return check.id() + " " + check.verdict() + accepted + ": " + reason(check, Locale.ENGLISH);
    }

    private static String accepted(Acknowledgement acknowledgement) {
        return acknowledgement == Acknowledgement.BY_DEFAULT
                ? " (acknowledged by default: API move without \"acknowledge\", switchboard.api.warnings-block=false)"
                : " (acknowledged)";
    }

    /** A refusal as the audit trail records it: why, then each refusing check with its fix. */
    String audit(Refusal refusal) {
        StringBuilder text = new StringBuilder(message(refusal, Locale.ENGLISH));
        for (Check c : refusal.checks()) {
            text.append(' ').append(c.id()).append(' ').append(c.verdict()).append(": ").append(reason(c, Locale.ENGLISH));
            String fix = fix(c, Locale.ENGLISH);
            if (fix != null) {
                text.append(" Fix: ").append(fix);
            }
        }
        return text.toString();
    }
}
