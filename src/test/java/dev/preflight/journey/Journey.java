package dev.preflight.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * One person's browser during a journey: a fresh context (own cookies), signed in or not, with
 * JavaScript on or off. It records every dialog and page error, which no page may cause, and
 * checks each page it is asked to with axe-core (no serious or critical violation) while saving
 * full-page screenshots at desktop and phone width under {@code target/screenshots}.
 */
final class Journey implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = readAxe();

    private final BrowserContext context;
    private final boolean javaScript;
    final Page page;
    final String base;
    final List<String> dialogs = new ArrayList<>();
    final List<String> pageErrors = new ArrayList<>();

    private Journey(URL base, boolean javaScript, boolean bypassCsp) {
        this.base = base.toString().replaceAll("/$", "");
        this.javaScript = javaScript;
        context = Chromium.browser().newContext(new NewContextOptions().setJavaScriptEnabled(javaScript)
                .setBypassCSP(bypassCsp).setViewportSize(1280, 900).setBaseURL(this.base));
        page = context.newPage();
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.onPageError(e -> pageErrors.add(e));
    }

    static Journey anonymous(URL base) {
        return new Journey(base, true, false);
    }

    static Journey signedIn(URL base, String username, String password) {
        return signedIn(base, username, password, true);
    }

    static Journey signedIn(URL base, String username, String password, boolean javaScript) {
        return signIn(new Journey(base, javaScript, false), username, password);
    }

    /**
     * A browser that ignores the Content-Security-Policy, so that a test of escaping sees what the
     * markup alone would do if the policy were ever weakened.
     */
    static Journey withoutContentSecurityPolicy(URL base, String username, String password) {
        return signIn(new Journey(base, true, true), username, password);
    }

    private static Journey signIn(Journey journey, String username, String password) {
        journey.page.navigate("/login");
        journey.page.locator("#username").fill(username);
        journey.page.locator("#password").fill(password);
        journey.page.locator("form[action='/login'] button[type=submit]").click();
        journey.page.waitForURL(url -> !url.contains("/login"));
        return journey;
    }

    /**
     * Checks the page as it is now with axe-core and saves screenshots at desktop and phone width.
     * The name becomes the screenshots' file names. With JavaScript off axe cannot run; the same
     * pages are checked by the journeys with JavaScript on.
     */
    void check(String name) {
        if (javaScript) {
            audit(name);
        }
        screenshots(name);
        assertThat(dialogs).as("dialogs opened by the page").isEmpty();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    private void audit(String name) {
        page.evaluate(AXE);
        Object found = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] }))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        assertThat((List<?>) found).as("serious or critical accessibility violations on " + name + " (" + page.url() + ")")
                .isEmpty();
    }

    private void screenshots(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + "-desktop.png")));
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + "-phone.png")));
        if (javaScript) {
            Object wider = page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(((Number) wider).intValue()).as(name + " (" + page.url() + ") scrolls sideways on a 390 px phone")
                    .isLessThanOrEqualTo(390);
        }
        page.setViewportSize(1280, 900);
    }

    /** Another tab of the same browser, sharing its cookies. */
    Page anotherTab() {
        return context.newPage();
    }

    @Override
    public void close() {
        context.close();
    }

    private static String readAxe() {
        try (InputStream in = Journey.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeVersion() {
        try (InputStream in = Journey.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core's webjar has no version", e);
        }
    }
}
