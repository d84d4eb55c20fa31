package dev.preflight.platform.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Markdown written by people (guidance, runbooks) turned into HTML that is safe to put in a page:
 * rendered with CommonMark, then cleaned to an allow-list of tags and attributes. No script, no
 * event handlers, no style, no images, links only to http(s) and mail addresses, and every link
 * opens without handing the page to its target ({@code rel="noopener noreferrer nofollow"}).
 * The same text always gives the same HTML, so recent results are kept: a launch page shows the
 * guidance of every item, and most guidance comes from a few templates.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del")
            .removeProtocols("a", "href", "ftp")
            .addAttributes("th", "align").addAttributes("td", "align");

    private static final Cache<String, String> RENDERED = Caffeine.newBuilder().maximumWeight(4_000_000)
            .<String, String>weigher((source, html) -> source.length() + html.length()).build();

    private Markdown() {
    }

    /**
     * People's text (a name, a title) for a Markdown document others will render: on one line, with
     * the characters that mark emphasis, code, links, images, tables and HTML escaped, so that it
     * shows as typed and carries no markup. Used where a value sits in the middle of a line, so list
     * and heading markers are harmless. {@link #plainInline} reads it back.
     */
    public static String inline(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replaceAll("\\s+", " ").trim();
        return oneLine.replaceAll("([\\\\`*_\\[\\]#|!>~])", "\\\\$1").replace("&", "&amp;").replace("<", "&lt;");
    }

    /** Text written by {@link #inline} (or typed so) as people read it: escapes and entities undone. */
    public static String plainInline(String markdown) {
        return markdown.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1").replace("&lt;", "<").replace("&amp;", "&");
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERED.get(markdown, Markdown::render);
    }

    private static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html));
        clean.select("a[href]").attr("rel", "noopener noreferrer nofollow");
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
