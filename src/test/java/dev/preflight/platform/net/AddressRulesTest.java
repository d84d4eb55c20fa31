package dev.preflight.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where Preflight may reach out to: the allow-list, domains, any public host, and the internal network. */
class AddressRulesTest {

    @Test
    void hosts_listed_by_name_or_address_may_be_internal() {
        AddressRules rules = rules("127.0.0.1", "LocalHost", "[::1]");

        assertThat(rules.refusal("http://127.0.0.1:8080/x")).isNull();
        assertThat(rules.pinned("localhost", 443).refusal()).isNull();
        assertThat(rules.pinned("[::1]", 80).refusal()).isNull();
        assertThat(rules.refusal("http://127.0.0.2/")).isEqualTo("is not on a host allowed for checks (127.0.0.1, "
                + "localhost, ::1)");
    }

    @Test
    void a_domain_or_the_star_allows_only_hosts_with_public_addresses() {
        AddressRules domain = rules("*.0.0.1", "*.example.com");
        assertThat(domain.refusal("http://127.0.0.1/x")).isEqualTo("points at an internal address (127.0.0.1, "
                + "loopback); only hosts listed by their own name may");
        assertThat(domain.pinned("example.com", 443).refusal()).startsWith("is not on a host allowed");

        AddressRules any = rules("*");
        assertThat(any.pinned("8.8.8.8", 443).refusal()).isNull();
        assertThat(any.pinned("localhost", 443).refusal()).isEqualTo("points at an internal address (127.0.0.1, loopback); "
                + "only hosts listed by their own name may");
        for (String internal : List.of("10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "[fd00::1]", "[fe80::1]", "224.0.0.1", "100.100.100.200", "100.64.0.1", "198.18.0.1", "198.19.255.254",
                "0.1.2.3", "192.0.2.10", "240.1.2.3", "255.255.255.255", "[::127.0.0.1]", "[::ffff:127.0.0.1]",
                "[::ffff:10.0.0.1]", "[64:ff9b::a9fe:a9fe]", "[64:ff9b:1::1]", "[2001:db8::1]", "[2002:7f00:1::]",
                "[2001::1]", "[::]", "[ff02::1]", "[3fff::1]", "[100::1]")) {
            assertThat(any.pinned(internal, 443).refusal()).as(internal).startsWith("points at an internal address");
        }
        for (String ordinary : List.of("1.1.1.1", "100.63.255.255", "100.128.0.1", "198.17.255.255", "198.20.0.1",
                "[2606:4700:4700::1111]", "[2001:4860:4860::8888]")) {
            assertThat(any.pinned(ordinary, 443).refusal()).as(ordinary).isNull();
        }
        assertThat(any.pinned("no-such-host.invalid", 443).refusal()).isEqualTo("names a host that cannot be found");
    }

    @Test
    void an_entry_with_a_port_allows_that_port_alone() {
        AddressRules rules = rules("127.0.0.1:8443", "[::1]:9000", "*.example.com:443", "localhost");
        assertThat(rules.refusal("https://127.0.0.1:8443/x")).isNull();
        assertThat(rules.refusal("http://127.0.0.1/x")).isEqualTo("uses port 80, which is not allowed for checks on "
                + "this host (127.0.0.1:8443, [::1]:9000, *.example.com:443, localhost)");
        assertThat(rules.refusal("http://[::1]:9000/")).isNull();
        assertThat(rules.refusal("http://[::1]:9001/")).startsWith("uses port 9001");
        assertThat(rules.refusal("http://localhost:12345/")).isNull();
        assertThat(rules.pinned("status.example.com", 8080).refusal()).startsWith("uses port 8080");
        assertThat(rules("::1").refusal("http://[::1]:7000/")).isNull();
    }

    @Test
    void only_http_urls_without_credentials_are_taken() {
        AddressRules rules = rules("*");
        assertThat(rules.refusal("file:///etc/passwd")).isEqualTo("must start with https:// (or http://)");
        assertThat(rules.refusal("http://admin:pw@8.8.8.8/")).isEqualTo("must name a host, without a user name or "
                + "password");
        assertThat(rules.refusal("http://exa mple.com/")).isEqualTo("is not a URL");
    }

    @Test
    void an_empty_list_says_who_sets_it() {
        assertThat(new AddressRules(List.of(" ", ""), "for webhooks", "PREFLIGHT_WEBHOOKS_ALLOWED_HOSTS")
                .refusal("https://hooks.example.com/x")).isEqualTo("cannot be used: no host is allowed for webhooks yet "
                        + "(an administrator sets PREFLIGHT_WEBHOOKS_ALLOWED_HOSTS)");
    }

    private static AddressRules rules(String... allowed) {
        return new AddressRules(List.of(allowed), "for checks", "PREFLIGHT_CHECKS_ALLOWED_HOSTS");
    }
}
