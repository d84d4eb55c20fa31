package dev.preflight;

import static io.restassured.RestAssured.given;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;

/** Reads pages as a person sees them: parsed HTML, without following redirects unless asked. */
public final class Html {

    private Html() {
    }

    public static Document get(String path, int expectedStatus) {
        Response response = given().accept("text/html").redirects().follow(false).when().get(path);
        response.then().log().ifValidationFails().statusCode(expectedStatus);
        return Jsoup.parse(response.asString());
    }

    public static Document parse(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** The visible text of an element matched by a CSS selector, or "" when there is none. */
    public static String text(Document page, String selector) {
        return page.select(selector).text();
    }
}
