package dev.preflight.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Preflight may reach out to for one purpose (webhooks, checks): hosts on an allow-list of
 * exact names or addresses, {@code *.example.com} for a domain, and {@code *} for any host; an entry
 * may end in a port ({@code hooks.example.com:8443}, {@code [2001:db8::1]:443}), and then allows that
 * port alone. A host matched only by a domain or by {@code *} must resolve to ordinary addresses
 * only, none in IANA's special-purpose registries ({@link SpecialAddresses}: private, loopback,
 * link-local, shared, benchmarking, documentation, NAT64...); a host listed by its exact name or
 * address may be internal. Asked before every connection, so that a name cannot later be pointed at
 * the internal network.
 */
public final class AddressRules {

    /** One entry of the allow-list: a host (a name, an address, a domain, or *) and its port, or -1 for any. */
    private record Entry(String host, int port) {

        static Entry of(String text) {
            Matcher withPort = WITH_PORT.matcher(text);
            if (withPort.matches() && (withPort.group(1).startsWith("[") || !withPort.group(1).contains(":"))) {
                return new Entry(bare(withPort.group(1)), Integer.parseInt(withPort.group(2)));
            }
            return new Entry(bare(text), -1);
        }

        boolean names(String host) {
            return this.host.equals(host);
        }

        boolean covers(String host) {
            return this.host.equals("*") || this.host.startsWith("*.") && host.endsWith(this.host.substring(1));
        }

        boolean opens(int port) {
            return this.port == -1 || this.port == port;
        }

        @Override
        public String toString() {
            return port == -1 ? host : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private static final Pattern WITH_PORT = Pattern.compile("(.+):([0-9]{1,5})");

    private final List<Entry> allowed;
    private final String purpose;
    private final String setting;

    /**
     * @param allowed the allow-list
     * @param purpose what the hosts are allowed for, in messages: "for webhooks"
     * @param setting the environment variable that sets the list, named when it is empty
     */
    public AddressRules(List<String> allowed, String purpose, String setting) {
        this.allowed = allowed.stream().map(String::trim).filter(h -> !h.isEmpty()).map(Entry::of).toList();
        this.purpose = purpose;
        this.setting = setting;
    }

    /**
     * A URL as judged: the address its host was resolved to and checked at, to connect there rather
     * than to a second lookup of the name (which could answer differently by then); or why the URL
     * may not be used.
     */
    public record Pinned(URI uri, InetAddress address, int port, String refusal) {
    }

    /** What was found of a host: why it may not be reached (or null), and the address checked. */
    private record Judged(String refusal, InetAddress address) {
    }

    /** Judges an http:// or https:// URL and resolves its host once, for connecting to that address. */
    public Pinned pinned(String url) {
        String refusal = urlRefusal(url);
        if (refusal != null) {
            return new Pinned(null, null, -1, refusal);
        }
        URI uri = URI.create(url.trim());
        Judged judged = judge(uri.getHost(), port(uri), true);
        return new Pinned(uri, judged.address(), port(uri), judged.refusal());
    }

    /** Why an http:// or https:// URL may not be used, or null when it may. */
    public String refusal(String url) {
        String refusal = urlRefusal(url);
        if (refusal != null) {
            return refusal;
        }
        URI uri = URI.create(url.trim());
        return judge(uri.getHost(), port(uri), false).refusal();
    }

    /**
     * Judges a host (a name, or an address with or without its brackets) on the port and resolves it
     * once, for connecting to that address; the URL is left out.
     */
    public Pinned pinned(String hostName, int port) {
        Judged judged = judge(hostName, port, true);
        return new Pinned(null, judged.address(), port, judged.refusal());
    }

    /** Why the text is not an http(s) URL naming a host without credentials, or null when it is one. */
    private static String urlRefusal(String url) {
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
        return null;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Judges the host on the port; {@code resolve} resolves a host listed by its own name too, to
     * give the address to connect to.
     */
    private Judged judge(String hostName, int port, boolean resolve) {
        String host = bare(hostName);
        List<Entry> matching = allowed.stream().filter(e -> e.names(host) || e.covers(host)).toList();
        if (matching.isEmpty()) {
            return new Judged(allowed.isEmpty() ? "cannot be used: no host is allowed " + purpose + " yet (an "
                    + "administrator sets " + setting + ")" : "is not on a host allowed " + purpose + " (" + list()
                    + ")", null);
        }
        List<Entry> open = matching.stream().filter(e -> e.opens(port)).toList();
        if (open.isEmpty()) {
            return new Judged("uses port " + port + ", which is not allowed " + purpose + " on this host (" + list()
                    + ")", null);
        }
        boolean named = open.stream().anyMatch(e -> e.names(host));
        if (named && !resolve) {
            return new Judged(null, null);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Judged("names a host that cannot be found", null);
        }
        if (!named) {
            for (InetAddress address : addresses) {
                String special = SpecialAddresses.of(address);
                if (special != null) {
                    return new Judged("points at an internal address (" + address.getHostAddress() + ", " + special
                            + "); only hosts listed by their own name may", null);
                }
            }
        }
        return new Judged(null, addresses[0]);
    }

    private String list() {
        return String.join(", ", allowed.stream().map(Entry::toString).toList());
    }

    /** The name in lower case, an IPv6 address without its brackets. */
    private static String bare(String host) {
        String named = host.toLowerCase(Locale.ROOT);
        return named.startsWith("[") && named.endsWith("]") ? named.substring(1, named.length() - 1) : named;
    }
}
