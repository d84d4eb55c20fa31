package dev.preflight.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;

/**
 * XSS vectors saved as a runbook and rendered on its page: no script, no event handler, no
 * script-capable element, no javascript:, vbscript: or data: address, no inline style, and every
 * link opened without handing over the page.
 */
@QuarkusTest
class RunbookSanitiserTest {

    static final List<String> VECTORS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<body onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](javascript&#58;alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "![x](x\" onerror=\"alert(1))",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<object data=\"javascript:alert(1)\">",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<video><source onerror=alert(1)></video>",
            "<audio src=x onerror=alert(1)>",
            "<marquee onstart=alert(1)>",
            "<link rel=stylesheet href=javascript:alert(1)>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<style>@import 'javascript:alert(1)';</style>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "<scr<script>ipt>alert(1)</script>",
            "<<script>script>alert(1)<</script>/script>",
            "<img \"\"\"><script>alert(1)</script>\">",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "[x](&#106;avascript:alert(1))",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
            "<img src=\"x\" onerror=\"&#97;lert(1)\">",
            "<table background=\"javascript:alert(1)\">",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<p onclick=alert(1)>click</p>",
            "<isindex action=\"javascript:alert(1)\">",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<textarea><script>alert(1)</script></textarea>",
            "`<script>alert(1)</script>`",
            "```html\n<script>alert(1)</script>\n```",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "[x](vbscript:msgbox(1))",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
            "[ok](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
            "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "[ok](https://ok.example)",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<!--<script>alert(1)</script>-->",
            "> <script>alert(1)</script>\n>\n> [x](javascript:alert(1))");

    private static final String FORBIDDEN_ELEMENTS = "script, iframe, object, embed, svg, math, style, form, img, "
            + "link, meta, base, input, textarea, video, audio, source, template, noscript, details, marquee, button";

    @Test
    void none_of_the_vectors_survives_the_runbook_page() {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 2);
        Browser browser = Fixtures.user("viewer").browser();
        assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(50);
        List<String> survived = new ArrayList<>();
        int links = 0;
        for (String vector : VECTORS) {
            Api.admin().contentType(ContentType.JSON).body(Map.of("content", "# Runbook\n\n" + vector + "\n"))
                    .when().put("/api/v1/services/" + service + "/runbook").then().statusCode(200);
            Element rendered = Jsoup.parse(browser.request().get("/services/" + service + "/runbook").asString())
                    .selectFirst(".runbook .guidance");
            assertThat(rendered).as("the rendered runbook").isNotNull();
            if (!rendered.select(FORBIDDEN_ELEMENTS).isEmpty()) {
                survived.add(vector + " -> element " + rendered.select(FORBIDDEN_ELEMENTS).first().tagName());
            }
            for (Element element : rendered.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase(Locale.ROOT);
                    String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                    if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")
                            || value.startsWith("javascript:") || value.startsWith("vbscript:")
                            || value.startsWith("data:")) {
                        survived.add(vector + " -> " + element.tagName() + " " + name + "=" + attribute.getValue());
                    }
                }
            }
            for (Element link : rendered.select("a[href]")) {
                links++;
                if (!link.attr("rel").contains("noopener")) {
                    survived.add(vector + " -> link without rel=noopener");
                }
            }
        }
        assertThat(survived).as("vectors that survived").isEmpty();
        assertThat(links).as("safe links stay links").isGreaterThanOrEqualTo(2);
    }
}
