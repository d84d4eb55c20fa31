package dev.preflight.launch;

import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.preflight.Browser;
import dev.preflight.Fixtures;

/**
 * Every item of every built-in template, as a viewer, an engineer and an approver see it on a new
 * launch: nobody is offered a control the server would refuse, and what is offered is accepted.
 */
@QuarkusTest
class ItemOffersTest {

    @ParameterizedTest
    @ValueSource(strings = { "launch-readiness", "glasswork-production-readiness", "release-it-production-readiness",
            "acton-service-production-checklist", "shipping-ai-assisted-code" })
    void nobody_is_offered_an_item_action_the_server_refuses(String template) {
        String team = Fixtures.team();
        long launch = Fixtures.launch(Fixtures.service(team, 1), template);
        String page = "/launches/" + launch;

        Browser viewer = Fixtures.user("viewer").browser();
        List<Element> seen = rows(viewer, page);
        assertThat(seen).as("every item of %s is on the page", template).isNotEmpty();
        for (Element row : seen) {
            assertThat(row.select("button, input")).as("a viewer's controls on %s", row.id()).isEmpty();
        }
        Element first = seen.get(0);
        assertThat(viewer.post(page + "/items", Map.of("do", "done " + key(first) + " 0")).statusCode())
                .as("a viewer's forged tick").isEqualTo(SC_FORBIDDEN);

        Browser engineer = Fixtures.user("engineer", team).browser();
        int ticked = 0;
        for (Element row : rows(engineer, page)) {
            String key = key(row);
            boolean approverItem = row.select(".badges").text().contains("approver sign-off");
            assertThat(row.select("button[value^=sign_off]")).as("an engineer offered a sign-off on %s", key).isEmpty();
            Document panel = engineer.get(page + "/items/" + key + "/panel", SC_OK);
            assertThat(panel.select("button[value=waive], button[value=sign_off], button[value=withdraw_sign_off]"))
                    .as("approver actions offered to an engineer on %s", key).isEmpty();
            String phase = row.select(".badge-phase").text();
            if (phase.startsWith("after launch") || phase.startsWith("ongoing")) {
                assertThat(row.select("button.tick")).as("a tick before go-live on %s (%s)", key, phase).isEmpty();
                assertThat(panel.select("button[value=not_applicable], button[value=blocked]"))
                        .as("status actions before go-live on %s", key).isEmpty();
                assertThat(engineer.post(page + "/items", Map.of("do", "done " + key + " 0")).statusCode())
                        .as("a forged tick of %s before go-live", key).isEqualTo(SC_CONFLICT);
                continue;
            }
            assertThat(panel.select("button[value=not_applicable]")).as("not applicable on %s", key)
                    .hasSize(approverItem ? 0 : 1);
            if (approverItem) {
                assertThat(engineer.post(page + "/items/" + key, Map.of("action", "not_applicable", "reason", "forged",
                        "version", "0")).statusCode()).as("an engineer's forged not-applicable on %s", key)
                        .isEqualTo(SC_FORBIDDEN);
            }
            Element tick = row.selectFirst("button.tick");
            if (tick == null) {
                assertThat(row.select(".linked")).as("an item without a tick follows recovery data: %s", key).hasSize(1);
                continue;
            }
            Map<String, Object> form = new HashMap<>(Map.of("do", tick.val()));
            Element evidence = row.selectFirst("input.evidence");
            if (evidence != null) {
                form.put(evidence.attr("name"), evidence.attr("type").equals("url") ? "https://evidence.example/" + key
                        : "checked by hand");
            }
            assertThat(engineer.post(page + "/items", form).statusCode()).as("the offered tick of %s", key)
                    .isEqualTo(SC_SEE_OTHER);
            ticked++;
        }
        assertThat(ticked).isPositive();

        Browser approver = Fixtures.user("approver").browser();
        int signed = 0;
        for (Element row : rows(approver, page)) {
            Element tick = row.selectFirst("button.tick");
            if (tick != null) {
                assertThat(tick.attr("aria-checked")).as("ticked by the engineer: %s", row.id()).isEqualTo("true");
            }
            Element signOff = row.selectFirst("button[value^=sign_off]");
            if (signOff != null) {
                assertThat(approver.post(page + "/items", Map.of("do", signOff.val())).statusCode())
                        .as("the offered sign-off of %s", row.id()).isEqualTo(SC_SEE_OTHER);
                signed++;
            }
        }
        System.out.printf("%s: %d items ticked by an engineer, %d signed off by an approver%n", template, ticked, signed);
        for (Element row : rows(approver, page)) {
            assertThat(row.select("button[value^=sign_off]")).as("still awaiting sign-off: %s", row.id()).isEmpty();
        }
    }

    /** Every item row of the launch page as the browser sees it, with collapsed and deferred sections opened. */
    private static List<Element> rows(Browser browser, String page) {
        Document document = browser.get(page, SC_OK);
        List<Element> rows = new ArrayList<>(document.select("li.launch-item"));
        for (Element more : document.select("a.show-section")) {
            rows.addAll(browser.get(more.attr("data-section"), SC_OK).select("li.launch-item"));
        }
        return rows;
    }

    private static String key(Element row) {
        return row.id().substring("item-".length());
    }
}
