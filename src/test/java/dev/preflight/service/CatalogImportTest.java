package dev.preflight.service;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/**
 * Services from Backstage catalog files shaped like the ones teams keep next to their code:
 * several documents in one file, systems and APIs among the components, fields left out.
 */
@QuarkusTest
class CatalogImportTest {

    private String checkout;
    private String ledger;
    private String owner;

    @BeforeEach
    void names() {
        checkout = Fixtures.unique("checkout");
        ledger = Fixtures.unique("ledger");
        owner = Fixtures.unique("payments");
    }

    @Test
    void a_multi_document_file_previews_then_imports_its_components_and_skips_the_rest_with_reasons() {
        String file = catalog("Checkout web front end", "production", "1");
        long before = services();

        ValidatableResponse preview = importing(file, true).statusCode(200).body("applied", equalTo(false))
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("skipped", equalTo(5));
        assertThat(services()).as("a preview changes nothing").isEqualTo(before);
        preview.body("changes.document", contains(1, 2, 3, 4, 5, 6, 7))
                .body("changes.action", contains("create", "skip", "create", "skip", "skip", "skip", "skip"))
                .body("changes[0].reason", containsString("the team '" + owner + "' is made too"))
                .body("changes[1].reason", equalTo("a System, not a Component"))
                .body("changes[3].reason", equalTo("spec.owner is missing: a service needs an owning team"))
                .body("changes[4].reason", equalTo("metadata.name is missing"))
                .body("changes[5].reason", containsString("spec.owner is a user (user:jdoe)"))
                .body("changes[6].reason", equalTo("an earlier document names the same component"));

        importing(file, false).statusCode(200).body("applied", equalTo(true)).body("created", equalTo(2));
        Api.admin().when().get("/api/v1/services/" + checkout).then().statusCode(200)
                .body("name", equalTo("Checkout web"))
                .body("description", equalTo("Checkout web front end"))
                .body("team", equalTo(owner)).body("tier", equalTo(1)).body("lifecycle", equalTo("production"))
                .body("repositoryUrl", equalTo("https://git.example.com/shop/checkout"))
                .body("dashboardUrl", equalTo("https://grafana.example.com/d/checkout"))
                .body("onCall", equalTo("PagerDuty P123ABC"))
                .body("metricsUrl", equalTo("https://checkout.example.com/metrics"))
                .body("runsOn", equalTo("kubernetes")).body("publicFacing", equalTo(true))
                .body("personalData", equalTo(true)).body("storesData", equalTo(null));
        Api.admin().when().get("/api/v1/services/" + ledger).then().statusCode(200)
                .body("name", equalTo(ledger)).body("description", equalTo("")).body("tier", equalTo(3))
                .body("team", equalTo(owner)).body("lifecycle", equalTo("launching"));
        Api.admin().when().get("/api/v1/teams/" + owner).then().statusCode(200);
    }

    @Test
    void importing_again_updates_what_changed_and_never_duplicates() {
        importing(catalog("Checkout web front end", "production", "1"), false).statusCode(200)
                .body("created", equalTo(2));
        long after = services();

        importing(catalog("Checkout web front end", "production", "1"), false).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        importing(catalog("Checkout, now with wallets", "deprecated", "2"), true).statusCode(200)
                .body("changes[0].action", equalTo("update"))
                .body("changes[0].fields", contains("description", "tier", "lifecycle"))
                .body("changes[2].action", equalTo("unchanged"));
        importing(catalog("Checkout, now with wallets", "deprecated", "2"), false).statusCode(200)
                .body("updated", equalTo(1));

        assertThat(services()).as("no second service").isEqualTo(after);
        Api.admin().when().get("/api/v1/services/" + checkout).then().statusCode(200)
                .body("description", equalTo("Checkout, now with wallets")).body("tier", equalTo(2))
                .body("lifecycle", equalTo("retired")).body("version", equalTo(1));
    }

    @Test
    void a_wrong_tier_or_a_file_that_is_not_yaml_is_refused_naming_the_problem() {
        String badTier = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                  annotations:
                    preflight.dev/tier: gold
                spec:
                  owner: group:default/%s
                """.formatted(checkout, owner);
        importing(badTier, false).statusCode(200).body("created", equalTo(0)).body("changes", hasSize(1))
                .body("changes[0].reason", containsString("must be 1, 2 or 3"));
        problem(importing("kind: [unclosed", false), 400, "invalid-input").body("errors.field", contains("body"))
                .body("errors[0].message", containsString("is not YAML"));
        problem(importing("# only a comment\n", false), 400, "invalid-input")
                .body("errors[0].message", containsString("holds no catalog entity"));
        Api.admin().when().get("/api/v1/services/" + checkout).then().statusCode(404);
    }

    @Test
    void only_admins_import() {
        Fixtures.TestUser engineer = Fixtures.user("engineer", Fixtures.team());
        problem(Api.as(engineer.writeToken()).contentType("application/yaml")
                .body(catalog("x", "production", "1")).when().post("/api/v1/services/import").then(), 403, "forbidden");
        engineer.browser().get("/catalog/import", 403);
        Api.admin().when().get("/api/v1/services/" + checkout).then().statusCode(404);
    }

    @Test
    void the_import_page_previews_an_upload_and_applies_the_pasted_text() {
        Browser admin = Browser.admin();
        Document form = admin.get("/catalog/import", 200);
        assertThat(form.select("textarea[name=text]")).hasSize(1);
        assertThat(form.select("input[type=file][name=file]")).hasSize(1);

        String file = catalog("<script>alert(1)</script>", "production", "1");
        Response previewed = admin.request().accept("text/html")
                .multiPart("_csrf", admin.csrf()).multiPart("action", "preview").multiPart("text", "")
                .multiPart("file", "catalog-info.yaml", file.getBytes(StandardCharsets.UTF_8), "application/yaml")
                .post("/catalog/import").then().statusCode(200).extract().response();
        assertThat(previewed.asString()).as("the pasted text is escaped where the page carries it")
                .doesNotContain("<script>alert(1)</script>");
        Document preview = Html.parse(previewed);
        assertThat(Html.text(preview, "[aria-labelledby=changes-heading]")).contains(checkout).contains("a System, not a Component");
        assertThat(preview.html()).doesNotContain("<script>alert(1)</script>");
        Api.admin().when().get("/api/v1/services/" + checkout).then().statusCode(404);

        String carried = preview.selectFirst("form textarea[name=text][hidden]").text();
        Document applied = Html.parse(admin.request().accept("text/html")
                .multiPart("_csrf", admin.csrf()).multiPart("action", "apply").multiPart("text", carried)
                .post("/catalog/import").then().statusCode(200).extract().response());
        assertThat(applied.select("a[href=/services/" + checkout + "]")).hasSize(1);
        Api.admin().when().get("/api/v1/services/" + checkout).then().statusCode(200)
                .body("description", equalTo("<script>alert(1)</script>"));

        admin.request().accept("text/html").multiPart("action", "apply").multiPart("text", carried)
                .post("/catalog/import").then().statusCode(403);
    }

    private static ValidatableResponse importing(String yaml, boolean dryRun) {
        return Api.admin().contentType("application/yaml").body(yaml).queryParam("dryRun", dryRun).when()
                .post("/api/v1/services/import").then().log().ifValidationFails();
    }

    private static long services() {
        return Api.admin().queryParam("size", 1).when().get("/api/v1/services").then().statusCode(200).extract()
                .jsonPath().getLong("total");
    }

    /** A file with two components, a system, and components Preflight cannot take. */
    private String catalog(String description, String lifecycle, String tier) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %1$s
                  title: Checkout web
                  description: %2$s
                  annotations:
                    preflight.dev/tier: "%4$s"
                    backstage.io/source-location: url:https://git.example.com/shop/checkout
                    pagerduty.com/service-id: P123ABC
                    preflight.dev/metrics-url: https://checkout.example.com/metrics
                    backstage.io/kubernetes-id: checkout
                  tags: [pii]
                  links:
                    - url: https://grafana.example.com/d/checkout
                      title: Grafana dashboard
                spec:
                  type: website
                  lifecycle: %3$s
                  owner: group:default/%5$s
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata:
                  name: shop
                spec:
                  owner: %5$s
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %6$s
                spec:
                  owner: %5$s
                  tier: tier-3
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: orphan-%6$s
                spec:
                  type: service
                ---
                kind: Component
                metadata:
                  description: no name at all
                spec:
                  owner: %5$s
                ---
                kind: Component
                metadata:
                  name: personal-%6$s
                spec:
                  owner: user:jdoe
                ---
                kind: Component
                metadata:
                  name: %1$s
                spec:
                  owner: %5$s
                """.formatted(checkout, description, lifecycle, tier, owner, ledger);
    }
}
