package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.preflight.Browser;
import dev.preflight.Fixtures;

/**
 * Walks every page an admin can reach from the board, following links, and checks each answer's
 * security headers; then posts every form it found, encoded as the form says, without the CSRF
 * token and expects each to be refused. A page or form added later is checked as soon as something links to it.
 */
@QuarkusTest
class RouteSweepTest {

    private static final int MAX_PAGES = 400;
    /** Pages reached through several links are visited a few times per shape of path, not for every row. */
    private static final int PER_SHAPE = 3;

    @Test
    void every_reachable_page_sends_the_security_headers_and_every_form_needs_the_csrf_token() {
        String team = Fixtures.team();
        Fixtures.launch(Fixtures.service(team, 1), Fixtures.template(true));
        Browser admin = Browser.admin();

        Deque<String> queue = new ArrayDeque<>(List.of("/", "/no-such-page", "/launches/999999999"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Integer> shapes = new HashMap<>();
        Map<String, Element> forms = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES) {
            String path = queue.removeFirst();
            Response response = admin.request().accept("text/html").get(path);
            pages++;
            wrong.addAll(headerProblems(path, response));
            String type = response.contentType() == null ? "" : response.contentType();
            if (!type.startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.asString());
            for (Element link : page.select("a[href]")) {
                String target = local(link.attr("href"));
                if (target != null && seen.add(target) && shapes.merge(shape(target), 1, Integer::sum) <= PER_SHAPE) {
                    queue.addLast(target);
                }
            }
            for (Element form : page.select("form[method=post]")) {
                String action = local(form.attr("action").isEmpty() ? path : form.attr("action"));
                if (action != null && !action.equals("/logout")) {
                    forms.putIfAbsent(shape(action), form.attr("data-sweep-action", action));
                }
            }
        }

        int refused = 0;
        for (Element form : forms.values()) {
            String action = form.attr("data-sweep-action");
            if (form.select("input[name=_csrf]").isEmpty()) {
                wrong.add("form to " + action + " has no CSRF token");
            }
            Map<String, String> fields = new HashMap<>();
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                if (!input.attr("name").equals("_csrf")) {
                    fields.put(input.attr("name"), input.val());
                }
            }
            RequestSpecification request = admin.request().accept("text/html");
            if ("multipart/form-data".equals(form.attr("enctype"))) {
                fields.forEach(request::multiPart);
            } else {
                request.contentType(ContentType.URLENC).formParams(fields);
            }
            Response response = request.post(action);
            if (response.statusCode() != 403) {
                wrong.add("POST " + action + " without the CSRF token: " + response.statusCode());
            } else {
                refused++;
            }
            wrong.addAll(headerProblems("POST " + action, response));
        }
        System.out.printf("Route sweep: %d pages visited, %d distinct forms posted without a CSRF token, %d refused%n",
                pages, forms.size(), refused);
        assertThat(pages).as("pages reached from the board").isGreaterThan(40);
        assertThat(forms).as("forms found").hasSizeGreaterThan(10);
        assertThat(wrong).as("answers that miss a security header, or forms that took a forged post").isEmpty();
    }

    private static List<String> headerProblems(String what, Response response) {
        List<String> problems = new ArrayList<>();
        String csp = response.header("Content-Security-Policy");
        if (csp == null || !csp.contains("default-src 'self'") || !csp.contains("frame-ancestors 'none'")
                || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
            problems.add(what + ": Content-Security-Policy " + csp);
        }
        expect(problems, what, response, "X-Content-Type-Options", "nosniff");
        expect(problems, what, response, "Referrer-Policy", "same-origin");
        expect(problems, what, response, "X-Frame-Options", "DENY");
        expect(problems, what, response, "Cache-Control", "no-store");
        if (response.header("Server") != null || response.header("X-Powered-By") != null) {
            problems.add(what + ": names the server (" + response.header("Server") + ")");
        }
        String type = response.contentType();
        if (type != null && type.startsWith("text/") && !type.toLowerCase().contains("charset=utf-8")) {
            problems.add(what + ": Content-Type without charset: " + type);
        }
        if (response.statusCode() >= 500) {
            problems.add(what + ": " + response.statusCode());
        }
        return problems;
    }

    private static void expect(List<String> problems, String what, Response response, String header, String value) {
        if (!value.equals(response.header(header))) {
            problems.add(what + ": " + header + " " + response.header(header));
        }
    }

    /** The path and query of a link to this application, or null for other sites, anchors and downloads by script. */
    private static String local(String href) {
        if (href.isBlank() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("javascript:")) {
            return null;
        }
        URI uri = URI.create(href.replace(" ", "%20"));
        if (uri.getScheme() != null || uri.getHost() != null || uri.getPath() == null || !uri.getPath().startsWith("/")) {
            return null;
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("&+$", "");
        return uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
    }

    /** A path with its numbers and generated names folded, so that one row of a list stands for all. */
    private static String shape(String path) {
        return path.replaceAll("\\?.*", "?").replaceAll("/\\d+", "/#").replaceAll("[a-z]+-[0-9a-f]{8}", "*");
    }
}
