package dev.paydeck.dashboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A newcomer's first minutes, as a person sees them: sign up, make the first organization, land on its dashboard;
 * in English, Spanish and French; and what a wrong password or a broken Stripe key looks like.
 */
class FirstRunBrowserTests extends BrowserTest {

    static final Path SCREENSHOTS = Path.of("docs/screenshots");
    private static final String UI_PASSWORD = "a long enough password";

    @Test
    void signUpLeadsToTheFirstOrganizationAndItsDashboardInSandboxMode() {
        page.setViewportSize(1280, 900);
        page.navigate("/signup");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sign-up.png")));
        signUp(page, "Mary Jackson", email(), "Your name", "Email", "Password", "Create account");

        assertThat(page).hasURL(url("/app/organizations/new"));
        assertThat(page.locator("h1")).hasText("Welcome, Mary Jackson");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the organization")).click();
        assertThat(page.getByText("Please give the organization a name.")).isVisible();
        assertThat(page.getByLabel("Organization name")).hasAttribute("aria-describedby", "name-error");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("first-organization.png")));

        page.getByLabel("Organization name").fill("Jackson Coffee");
        page.getByLabel("Country").selectOption("US");
        page.getByLabel("Default currency").selectOption("USD");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the organization")).click();

        assertThat(page.locator("h1")).hasText("Jackson Coffee");
        assertThat(page.getByTestId("mode")).hasText("SANDBOX");
        assertThat(page.getByTestId("key-check")).hasText("Stripe accepts the keys.");
        assertThat(page.getByTestId("webhook-state")).hasText("Stripe sends its events to Paydeck.");
        assertThat(page.getByTestId("organization-switcher")).containsText("Jackson Coffee");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard")))
                .hasAttribute("aria-current", "page");

        page.navigate("/app");
        assertThat(page.locator("h1")).hasText("Jackson Coffee");
    }

    @Test
    void aWrongPasswordKeepsTheEmailAndAsksOnlyForThePassword() {
        String email = email();
        signUp(page, "Dorothy Vaughan", email, "Your name", "Email", "Password", "Create account");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The email or password is not right");
        assertThat(page.getByLabel("Email")).hasValue(email);
        assertThat(page.getByLabel("Password")).hasValue("");
        assertThat(page.getByLabel("Password")).isFocused();
        page.getByLabel("Password").fill(UI_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Welcome, Dorothy Vaughan");
    }

    @Test
    void spanishFromTheBrowserThenFrenchFromTheSwitcherFollowsThePersonToAnotherBrowser() {
        String email = email();
        try (BrowserContext spanish = newContext("es-CO")) {
            Page es = spanish.newPage();
            es.navigate("/");
            assertThat(es.locator("html")).hasAttribute("lang", "es");
            assertThat(es.locator("h1")).containsText("Pagos y facturación en tus propios servidores");
            es.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrarse")).click();
            es.getByLabel("Tu nombre").fill("Ana Pérez");
            es.getByLabel("Correo electrónico").fill(email);
            es.getByLabel("Contraseña").fill("corta");
            es.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear cuenta")).click();
            assertThat(es.getByText("La contraseña debe tener entre 12 y 72 caracteres.")).isVisible();
            es.getByLabel("Contraseña").fill(UI_PASSWORD);
            es.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear cuenta")).click();

            assertThat(es.locator("h1")).hasText("Te damos la bienvenida, Ana Pérez");
            assertThat(es.getByLabel("País")).hasValue("ES");
            assertThat(es.getByLabel("Moneda por defecto")).hasValue("EUR");
            es.getByLabel("Nombre de la organización").fill("Tienda Pérez");
            es.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear la organización")).click();
            assertThat(es.locator("h1")).hasText("Tienda Pérez");
            assertThat(es.getByTestId("key-check")).hasText("Stripe acepta las claves.");
            assertThat(es.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Panel"))).isVisible();

            es.getByTestId("language-switcher").click();
            es.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Français")).click();
            assertThat(es.locator("h1")).hasText("Tienda Pérez");
            assertThat(es.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord")))
                    .isVisible();
            assertThat(es.getByTestId("key-check")).hasText("Stripe accepte les clés.");
            es.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        }
        // Another browser, which asks for English: once signed in, the pages are in the person's French.
        try (BrowserContext english = newContext("en-US")) {
            Page en = english.newPage();
            en.navigate("/login");
            assertThat(en.locator("h1")).hasText("Sign in to Paydeck");
            en.getByLabel("Email").fill(email);
            en.getByLabel("Password").fill(UI_PASSWORD);
            en.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            assertThat(en.locator("h1")).hasText("Tienda Pérez");
            assertThat(en.locator("html")).hasAttribute("lang", "fr");
            assertThat(en.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Événements webhook")))
                    .isVisible();
        }
    }

    @Test
    void aSignedOutVisitorsChoiceIsKeptInACookie() {
        page.navigate("/login");
        page.getByTestId("language-switcher").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Français")).click();
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("h1")).hasText("Se connecter à Paydeck");
        page.navigate("/signup");
        assertThat(page.locator("h1")).hasText("Créer votre compte Paydeck");
    }

    @Test
    void liveModeIsRedAndABrokenKeyIsSaidInPlainWords() {
        Person owner = signUp("Live owner");
        String organization = createOrganization(owner, "Live Shop", "{\"publishable_key\":\"pk_live_"
                + "abcdefghijklmnop\",\"secret_key\":\"sk_live_abcdefghijklmnop\"}").get("id").asString();
        signIn(page, owner.email());
        page.navigate("/app/organizations/" + organization);

        Locator badge = page.getByTestId("mode");
        assertThat(badge).hasText("LIVE");
        org.assertj.core.api.Assertions.assertThat(badge.evaluate("e => getComputedStyle(e).backgroundColor"))
                .isEqualTo("rgb(185, 28, 28)");
        assertThat(page.getByTestId("key-check")).hasText("Stripe refused the secret key: paste a new one.");
        assertThat(page.getByTestId("webhook-state")).not().containsText("manual_required");
        assertThat(page.locator("main")).not().containsText("unreachable");
    }

    @Test
    void theDashboardAddsUpPaymentsInThePagesLanguage() {
        Person owner = signUp("Totals owner");
        String organization = createOrganization(owner, "Boulangerie", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        for (long amount : new long[] {2_050, 1_000}) {
            String payment = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":" + amount
                    + ",\"currency\":\"eur\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}"))
                    .at("/payment/id").asString();
            if (amount == 2_050) {
                call("POST", "/api/v1/payment-intents/" + payment + "/refunds", key, "{\"amount\":550}");
            }
        }
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":700,\"currency\":\"eur\","
                + "\"payment_method\":\"pm_card_chargeDeclined\",\"confirm\":true}");

        try (BrowserContext french = newContext("fr-FR")) {
            Page fr = french.newPage();
            signIn(fr, owner.email());
            fr.navigate("/app/organizations/" + organization);
            Locator today = fr.locator("[data-period=today]");
            assertThat(today.locator("h3")).hasText("Aujourd’hui");
            assertThat(today.locator("[data-figure=gross]")).hasText("30,50 €");
            assertThat(today.locator("[data-figure=refunded]")).hasText("5,50 €");
            assertThat(today.locator("[data-figure=net]")).hasText("25,00 €");
            assertThat(today.locator("[data-figure=count]")).hasText("2");
            assertThat(fr.locator("[data-period=month] [data-figure=net]")).hasText("25,00 €");
        }
        signIn(page, owner.email());
        page.navigate("/app/organizations/" + organization);
        assertThat(page.locator("[data-period=week] [data-figure=net]")).hasText("€25.00");
    }

    private BrowserContext newContext(String locale) {
        return page.context().browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale(locale));
    }

    /** Signs in on the sign-in page in whichever language it is. */
    private void signIn(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("main form button[type=submit]").click();
        page.waitForURL("**/app/**");
    }

    static void signUp(Page page, String name, String email, String nameLabel, String emailLabel,
            String passwordLabel, String button) {
        page.navigate("/signup");
        page.getByLabel(nameLabel).fill(name);
        page.getByLabel(emailLabel).fill(email);
        page.getByLabel(passwordLabel).fill(UI_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    }

    static String email() {
        return "first-run-" + UUID.randomUUID() + "@example.com";
    }
}
