package dev.preflight.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where Preflight may reach out to for one purpose (webhooks, checks): hosts on an allow-list of
 * exact names or addresses, {@code *.example.com} for a domain, and {@code *} for any host. A host
 * matched only by a domain or by {@code *} must have public addresses only; a host listed by its
 * exact name or address may be internal. Asked before every connection, so that a name cannot later
 * be pointed at the internal network.
 */
public final class AddressRules {

    private final List<String> allowed;
    private final String purpose;
    private final String setting;

    /**
     * @param allowed the allow-list
     * @param purpose what the hosts are allowed for, in messages: "for webhooks"
     * @param setting the environment variable that sets the list, named when it is empty
     */
    public AddressRules(List<String> allowed, String purpose, String setting) {
        this.allowed = allowed.stream().map(String::trim).filter(h -> !h.isEmpty()).map(AddressRules::bare).toList();
        this.purpose = purpose;
        this.setting = setting;
    }

    /** Why an http:// or https:// URL may not be used, or null when it may. */
    public String refusal(String url) {
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
        return hostRefusal(uri.getHost());
    }

    /** Why a host (a name, or an address with or without its brackets) may not be reached, or null when it may. */
    public String hostRefusal(String hostName) {
        String host = bare(hostName);
        boolean exact = allowed.contains(host);
        boolean domain = allowed.stream().anyMatch(a -> a.equals("*") || a.startsWith("*.") && host.endsWith(a.substring(1)));
        if (!exact && !domain) {
            return allowed.isEmpty() ? "cannot be used: no host is allowed " + purpose + " yet (an administrator sets "
                    + setting + ")" : "is not on a host allowed " + purpose + " (" + String.join(", ", allowed) + ")";
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

    /** The name in lower case, an IPv6 address without its brackets. */
    private static String bare(String host) {
        String named = host.toLowerCase(Locale.ROOT);
        return named.startsWith("[") && named.endsWith("]") ? named.substring(1, named.length() - 1) : named;
    }

    private static boolean internal(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
    }
}
