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
        assertThat(rules.hostRefusal("localhost")).isNull();
        assertThat(rules.hostRefusal("[::1]")).isNull();
        assertThat(rules.refusal("http://127.0.0.2/")).isEqualTo("is not on a host allowed for checks (127.0.0.1, "
                + "localhost, ::1)");
    }

    @Test
    void a_domain_or_the_star_allows_only_hosts_with_public_addresses() {
        AddressRules domain = rules("*.0.0.1", "*.example.com");
        assertThat(domain.refusal("http://127.0.0.1/x")).isEqualTo("points at an internal address (127.0.0.1); only "
                + "hosts listed by their own name may");
        assertThat(domain.hostRefusal("example.com")).startsWith("is not on a host allowed");

        AddressRules any = rules("*");
        assertThat(any.hostRefusal("8.8.8.8")).isNull();
        assertThat(any.hostRefusal("localhost")).isEqualTo("points at an internal address (127.0.0.1); only hosts "
                + "listed by their own name may");
        for (String internal : List.of("10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "[fd00::1]", "[fe80::1]", "224.0.0.1")) {
            assertThat(any.hostRefusal(internal)).as(internal).startsWith("points at an internal address");
        }
        assertThat(any.hostRefusal("no-such-host.invalid")).isEqualTo("names a host that cannot be found");
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
