package dev.paydeck.sandbox.testclocks;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.paydeck.support.Axe;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The account's "Test clocks" tab: clocks with their time and status, made and advanced from the page. */
class SandboxTestClocksBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");
    /** 2025-01-01T00:00:00Z. */
    private static final long NEW_YEAR = 1_735_689_600L;

    @Autowired
    private ScriptedClockWork scripted;

    @Test
    void aClockIsMadeAndAdvancedFromThePageWhichShowsItAdvancingThenReady() {
        MailPages.signIn(page, signUp("Clock keeper").email(), PASSWORD);
        page.navigate("/sandbox");
        page.getByLabel("Name").fill("Clock shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Test clocks")).click();
        assertThat(page.getByTestId("no-clocks")).containsText("No test clocks yet");

        page.getByLabel("Name (optional)").fill("Renewals");
        page.getByLabel("Frozen time (UTC)").fill("2025-01-01T00:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create clock")).click();

        Locator clock = page.getByTestId("clock");
        assertThat(clock).hasCount(1);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created");
        assertThat(clock).containsText("Renewals");
        assertThat(clock.getByTestId("clock-time")).hasText("2025-01-01 00:00:00 UTC");
        assertThat(clock.getByTestId("clock-status")).hasText("ready");
        String clockId = clock.getAttribute("data-clock");

        Locator advanceTo = page.getByLabel("Advance Renewals to (UTC)");
        advanceTo.fill("2024-12-31T00:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advance")).click();
        assertThat(advanceTo).hasClass(Pattern.compile("is-invalid"));
        assertThat(page.locator("#" + advanceTo.getAttribute("aria-describedby")))
                .hasText("Choose a time after the clock’s current time.");
        assertThat(clock.getByTestId("clock-time")).hasText("2025-01-01 00:00:00 UTC");

        // Work due on the way holds the clock, so the page is seen advancing before it is ready.
        CountDownLatch hold = scripted.hold(clockId, NEW_YEAR + 86_400);
        advanceTo.fill("2025-02-01T09:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advance")).click();
        assertThat(clock.getByTestId("clock-status")).containsText("advancing");
        assertThat(clock.getByTestId("clock-status")).containsText("to 2025-02-01 09:30:00 UTC");
        assertThat(page.getByLabel("Advance Renewals to (UTC)")).hasCount(0);
        page.setViewportSize(1280, 800);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-test-clocks.png"))
                .setFullPage(true));
        hold.countDown();

        assertThat(clock.getByTestId("clock-status")).hasText("ready");
        assertThat(clock.getByTestId("clock-time")).hasText("2025-02-01 09:30:00 UTC");
        page.setViewportSize(390, 844);
        assertThat(page.getByLabel("Advance Renewals to (UTC)")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-test-clocks-390.png")));
    }

    @Test
    void theTabSpeaksSpanishAndFrenchWithNoSeriousAccessibilityViolation() {
        Person owner = signUp("Clock languages");
        MailPages.signIn(page, owner.email(), PASSWORD);
        page.navigate("/sandbox");
        page.getByLabel("Name").fill("Clocks abroad");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        String clocksUrl = page.url() + "/test_clocks";
        page.navigate(clocksUrl);
        page.getByLabel("Frozen time (UTC)").fill("2025-01-01T00:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create clock")).click();
        assertThat(page.getByTestId("clock")).hasCount(1);
        check("es-ES", owner, clocksUrl, "Relojes de prueba", "Crear reloj", "Indique una fecha y una hora.");
        check("fr-FR", owner, clocksUrl, "Horloges de test", "Créer l’horloge", "Indiquez une date et une heure.");
    }

    private void check(String language, Person person, String clocksUrl, String tab, String create,
            String timeRequired) {
        try (BrowserContext context = browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale(language).setBypassCSP(true))) {
            Page window = context.newPage();
            // The sign-in form by its fields, whose labels are in the language.
            window.navigate("/login");
            window.locator("#username").fill(person.email());
            window.locator("#password").fill(PASSWORD);
            window.locator("main").getByRole(AriaRole.BUTTON).click();
            assertThat(window).not().hasURL(Pattern.compile(".*/login.*"));
            window.navigate(clocksUrl);
            assertThat(window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tab))).isVisible();
            // A time the browser sends empty (its picker left blank): the server's message, in the language.
            window.locator("#clock-time").evaluate("input => input.removeAttribute('required')");
            window.locator("#clock-time").fill("");
            window.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(create)).click();
            assertThat(window.locator("#clock-time-problem")).hasText(timeRequired);
            window.setViewportSize(1280, 800);
            org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(window)).as(language + " at 1280 px")
                    .isEmpty();
            window.setViewportSize(390, 844);
            org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(window)).as(language + " at 390 px")
                    .isEmpty();
        }
    }

    @Test
    void aViewerSeesTheClocksWithoutFormsAndCannotForceAnAdvance() {
        Person owner = signUp("Clock owner");
        Person viewer = signUp("Clock viewer");
        var organization = createOrganization(owner, "Clocked Shop " + UUID.randomUUID(), null);
        call("POST", "/api/v1/organizations/" + organization.get("id").asString() + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");
        MailPages.signIn(page, viewer.email(), PASSWORD);
        page.navigate("/app/organizations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sandbox account")).click();
        String accountId = page.url().substring(page.url().lastIndexOf('/') + 1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Test clocks")).click();

        assertThat(page.getByTestId("no-clocks")).isVisible();
        assertThat(page.getByTestId("new-clock")).hasCount(0);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        APIResponse create = page.request().post(url("/sandbox/accounts/" + accountId + "/test_clocks"),
                RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                        .set("frozen_time", "2025-01-01T00:00").set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(create.status()).isEqualTo(403);
        page.reload();
        assertThat(page.getByTestId("no-clocks")).isVisible();
    }
}
