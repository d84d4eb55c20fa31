package dev.preflight;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A signed-in browser for page tests: keeps the session cookie, sends the session's CSRF token with
 * every form, never follows redirects unless asked.
 */
public final class Browser {

    private final Map<String, String> cookies = new HashMap<>();
    private String csrf = "";

    public static Browser admin() {
        return signIn(TestApplication.ADMIN, TestApplication.ADMIN_PASSWORD);
    }

    public static Browser signIn(String username, String password) {
        Browser browser = new Browser();
        Response form = browser.request().get("/login");
        browser.keep(form);
        String token = Jsoup.parse(form.asString()).select("input[name=_csrf]").attr("value");
        Response signedIn = browser.request().contentType(ContentType.URLENC)
                .formParams(Map.of("username", username, "password", password, "_csrf", token, "next", "/account"))
                .post("/login");
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("Sign-in of " + username + " failed: " + signedIn.statusCode());
        }
        browser.keep(signedIn);
        browser.csrf = Jsoup.parse(browser.request().get("/account").asString()).select("input[name=_csrf]").first()
                .attr("value");
        return browser;
    }

    public String sessionCookie() {
        return cookies.get("pf_session");
    }

    public String csrf() {
        return csrf;
    }

    /** A request carrying this browser's cookies (and no CSRF token). */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Document get(String path, int expectedStatus) {
        Response response = request().accept("text/html").get(path);
        response.then().log().ifValidationFails().statusCode(expectedStatus);
        keep(response);
        return Jsoup.parse(response.asString());
    }

    /** Posts a form as the page would: with the session's CSRF token. */
    public Response post(String path, Map<String, ?> form) {
        Map<String, Object> fields = new HashMap<>(form);
        fields.put("_csrf", csrf);
        Response response = request().accept("text/html").contentType(ContentType.URLENC).formParams(fields).post(path);
        keep(response);
        return response;
    }

    /** The JSON API with this browser's cookie and the CSRF header, as htmx would send it. */
    public RequestSpecification api() {
        return request().header("X-CSRF-Token", csrf);
    }

    private void keep(Response response) {
        cookies.putAll(response.getCookies());
    }
}
