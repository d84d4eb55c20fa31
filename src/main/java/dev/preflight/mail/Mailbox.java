package dev.preflight.mail;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

import dev.preflight.platform.PreflightConfig;

/**
 * Sends Preflight's mail, when a sender is configured ({@code preflight.mail.from}); otherwise it
 * sends nothing and says so once. Sending never holds up whoever caused it: a failure is logged.
 */
@ApplicationScoped
class Mailbox {

    private static final Logger LOG = Logger.getLogger(Mailbox.class);

    private final ReactiveMailer mailer;
    private final Optional<String> from;
    private final String baseUrl;

    Mailbox(ReactiveMailer mailer, PreflightConfig config) {
        this.mailer = mailer;
        this.from = config.mail().from().filter(f -> !f.isBlank());
        this.baseUrl = config.baseUrl().map(u -> u.replaceAll("/+$", "")).orElse("");
        if (from.isEmpty()) {
            LOG.info("No mail is sent: set PREFLIGHT_MAIL_FROM and the SMTP server (QUARKUS_MAILER_HOST, ...) to send "
                    + "digests and decision notices");
        }
    }

    boolean enabled() {
        return from.isPresent();
    }

    /** A link to a page, absolute when Preflight knows its own address. */
    String link(String path) {
        return baseUrl + path;
    }

    void send(List<String> to, String subject, String text) {
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        Mail mail = Mail.withText(to.get(0), subject, text).setFrom(from.get());
        if (to.size() > 1) {
            mail.setBcc(to.subList(1, to.size()));
        }
        mailer.send(mail).subscribe().with(ok -> LOG.debugf("Sent '%s' to %d people", subject, to.size()),
                failure -> LOG.warnf("Could not send '%s': %s", subject, failure.getMessage()));
    }
}
