package dev.paydeck.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of browser tests: headless Chromium driven by Playwright against the running application. Uses Debian's
 * {@code chromium} (Playwright never downloads a browser here); one browser per test run, a fresh context per test.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final List<Path> SYSTEM_CHROMIUM = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));

    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    protected Page page;

    /** The run's one headless Chromium; also for browser tests that start an application of their own. */
    public static synchronized Browser browser() {
        if (browser == null) {
            Path executable = SYSTEM_CHROMIUM.stream().filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Browser tests need Chromium: install it with 'apt-get install -y chromium'"));
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }, "playwright-stop"));
        }
        return browser;
    }

    @BeforeEach
    void openPage() {
        context = browser().newContext(new Browser.NewContextOptions().setBaseURL(url("")));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    /** Signs the person in through the sign-in page, as they would. */
    protected void signIn(Person person) {
        signIn(page, person);
    }

    /** Signs the person in on that page (another tab, a page in another language). */
    protected static void signIn(Page page, Person person) {
        page.navigate("/login");
        page.locator("#username").fill(person.email());
        page.locator("#password").fill(PASSWORD);
        page.locator("main").getByRole(AriaRole.BUTTON).click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
