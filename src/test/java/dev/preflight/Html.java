package dev.preflight;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;

/** Reads pages as a person sees them: parsed HTML. */
public final class Html {

    private Html() {
    }

    public static Document parse(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** The visible text of an element matched by a CSS selector, or "" when there is none. */
    public static String text(Document page, String selector) {
        return page.select(selector).text();
    }
}
