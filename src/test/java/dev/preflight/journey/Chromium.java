package dev.preflight.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium, driven by Playwright, shared by every browser journey of the test run and
 * closed when the JVM exits. Playwright never downloads a browser of its own. Where no Chromium can
 * be found the journeys are skipped, with a message that names what to install.
 */
final class Chromium {

    /** Where to look, after the {@code PREFLIGHT_CHROMIUM} environment variable. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private static Browser browser;

    private Chromium() {
    }

    /** The shared browser; skips the calling test when the machine has no Chromium. */
    static synchronized Browser browser() {
        if (browser == null) {
            Path executable = executable().orElse(null);
            Assumptions.assumeTrue(executable != null, "Browser journeys skipped: no Chromium found. Install Debian's "
                    + "chromium package (apt-get install chromium) or set PREFLIGHT_CHROMIUM to a Chromium binary.");
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
        }
        return browser;
    }

    private static Optional<Path> executable() {
        String configured = System.getenv("PREFLIGHT_CHROMIUM");
        return Stream.concat(Stream.ofNullable(configured), CANDIDATES.stream()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
