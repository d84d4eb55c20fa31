package dev.preflight.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.preflight.platform.PreflightConfig;

/**
 * Where webhooks may send: a URL over http or https to a host on the allow-list
 * ({@code preflight.webhooks.allowed-hosts}), whose addresses are public unless the host is listed
 * by its exact name or address. Checked when a subscription is made and again before every
 * delivery, so that a name cannot later be pointed at the internal network.
 */
@ApplicationScoped
class Targets {

    private final List<String> allowed;

    @Inject
    Targets(PreflightConfig config) {
        this(config.webhooks().allowedHosts().orElse(List.of()));
    }

    Targets(List<String> allowed) {
        this.allowed = allowed.stream().map(String::trim).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Why the URL may not be used, or null when it may. */
    String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            return "must start with https:// (or http://)";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "must name a host, without a user name or password";
        }
        String named = uri.getHost().toLowerCase(Locale.ROOT);
        String host = named.startsWith("[") && named.endsWith("]") ? named.substring(1, named.length() - 1) : named;
        boolean exact = allowed.contains(host);
        boolean domain = allowed.stream().anyMatch(a -> a.startsWith("*.") && host.endsWith(a.substring(1)));
        if (!exact && !domain) {
            return allowed.isEmpty() ? "cannot be used: no host is allowed for webhooks yet (an administrator sets "
                    + "PREFLIGHT_WEBHOOKS_ALLOWED_HOSTS)" : "is not on a host allowed for webhooks (" + String.join(", ", allowed) + ")";
        }
        if (!exact) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (internal(address)) {
                        return "points at an internal address (" + address.getHostAddress()
                                + "); only hosts listed by their own name may";
                    }
                }
            } catch (UnknownHostException e) {
                return "names a host that cannot be found";
            }
        }
        return null;
    }

    private static boolean internal(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
    }
}
