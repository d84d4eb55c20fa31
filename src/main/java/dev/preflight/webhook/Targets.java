package dev.preflight.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.net.AddressRules;

/**
 * Where webhooks may send: a URL over http or https to a host on the allow-list
 * ({@code preflight.webhooks.allowed-hosts}), by the {@link AddressRules}. Checked when a
 * subscription is made and again before every delivery, whose connection goes to the very address
 * that was checked, so that a name cannot later be pointed at the internal network.
 */
@ApplicationScoped
class Targets {

    private final AddressRules rules;

    @Inject
    Targets(PreflightConfig config) {
        this(config.webhooks().allowedHosts().orElse(List.of()));
    }

    Targets(List<String> allowed) {
        this.rules = new AddressRules(allowed, "for webhooks", "PREFLIGHT_WEBHOOKS_ALLOWED_HOSTS");
    }

    /** Why the URL may not be used, or null when it may. */
    String refusal(String url) {
        return rules.refusal(url);
    }

    /** The URL judged and its host resolved once: the address a delivery connects to. */
    AddressRules.Pinned pinned(String url) {
        return rules.pinned(url);
    }
}
