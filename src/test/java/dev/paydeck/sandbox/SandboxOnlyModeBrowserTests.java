package dev.paydeck.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.PaydeckApplication;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Paydeck started with {@code --paydeck.sandbox-only=true}, an emulator on the developer's machine: the sandbox's pages
 * stay open, with no sign-in, and anyone acts on every listed account.
 */
class SandboxOnlyModeBrowserTests {

    private static ConfigurableApplicationContext app;
    private static int port;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void start() {
        // Logging stays as the suite set it up (its log file is read by NoSecretsInLogsIntegrationTests).
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            app = new SpringApplicationBuilder(PaydeckApplication.class).run(
                    "--server.port=0",
                    "--paydeck.sandbox-only=true",
                    "--paydeck.sandbox.port=0",
                    "--paydeck.database.url=" + TestDatabase.jdbcUrl(),
                    "--paydeck.database.user=" + TestDatabase.user(),
                    "--paydeck.data-directory=target/test-data",
                    "--paydeck.sandbox.rate-limit=0");
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void openPage() {
        context = BrowserTest.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void thePagesStayOpenWithoutSignIn() {
        page.navigate("/sandbox");
        assertThat(page).hasURL("http://localhost:" + port + "/sandbox");
        assertThat(page.locator("h1")).hasText("The Stripe-compatible sandbox");
        assertThat(page.getByTestId("stripe-js-snippet"))
                .hasText("<script src=\"http://localhost:" + port + "/sandbox/js/v3\"></script>");

        page.getByLabel("Name").fill("Emulated shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page.locator("h1")).hasText("Emulated shop");
        page.getByText("Reveal").first().click();
        assertThat(page.getByTestId("secret-key")).hasText(java.util.regex.Pattern.compile("sk_test_\\w{20,}"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset account data")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint"))).isVisible();

        page.navigate("/sandbox");
        assertThat(page.getByTestId("account").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Emulated shop")).first()).isVisible();
    }
}
