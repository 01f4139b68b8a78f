package dev.paydeck.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import dev.paydeck.support.Axe;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The account's "Subscriptions" tab: its subscriptions with their customer, status, prices, periods and invoice. */
class SandboxSubscriptionsBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");
    /** 2025-01-01T00:00:00Z. */
    private static final long NEW_YEAR = 1_735_689_600L;

    @Test
    void listsTheAccountsSubscriptionsOnTheirCustomersClocks() {
        Person owner = signUp("Subscription keeper");
        MailPages.signIn(page, owner.email(), PASSWORD);
        String accountUrl = newAccount("Subscription shop");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriptions")).click();
        assertThat(page.getByTestId("no-subscriptions")).containsText("No subscriptions yet");
        Subscription[] made = subscriptions(stripe(accountUrl));

        page.navigate(accountUrl + "/subscriptions");

        Locator rows = page.getByTestId("subscription");
        assertThat(rows).hasCount(2);
        Locator trial = rows.nth(0);
        assertThat(trial).hasAttribute("data-subscription", made[1].getId());
        assertThat(trial).containsText("grace@example.com");
        assertThat(trial.getByTestId("subscription-status")).hasText("Trialing");
        assertThat(trial.getByTestId("trial-end")).hasText("2025-01-15 00:00 UTC");
        assertThat(trial.getByTestId("period-end")).hasText("2025-01-15 00:00 UTC");
        assertThat(trial.getByTestId("cancellation")).hasText("cancels at period end");
        Locator active = rows.nth(1);
        assertThat(active).containsText("ada@example.com");
        assertThat(active.getByTestId("subscription-status")).hasText("Active");
        assertThat(active.getByTestId("subscription-item")).containsText("2 × $10.00 per month");
        assertThat(active.getByTestId("period-end")).hasText("2025-02-01 00:00 UTC");
        assertThat(active.getByTestId("trial-end")).hasText("no trial");
        assertThat(active.getByTestId("cancellation")).hasText("renews");
        page.setViewportSize(1280, 800);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-subscriptions.png"))
                .setFullPage(true));

        active.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Hosted page of the latest invoice of " + made[0].getId())).click();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/invoices/" + made[0].getLatestInvoice()));
        assertThat(page.locator("main")).containsText("$20.00");

        page.context().clearCookies();
        MailPages.signIn(page, signUp("Someone else").email(), PASSWORD);
        org.assertj.core.api.Assertions.assertThat(page.navigate(accountUrl + "/subscriptions").status())
                .as("another person's account").isEqualTo(404);
    }

    @Test
    void theTabSpeaksSpanishAndFrenchWithNoSeriousAccessibilityViolation() {
        Person owner = signUp("Subscription languages");
        MailPages.signIn(page, owner.email(), PASSWORD);
        String accountUrl = newAccount("Subscriptions abroad");
        subscriptions(stripe(accountUrl));
        check("es-ES", owner, accountUrl + "/subscriptions", "Suscripciones", "En prueba", "se cancela al final del periodo");
        check("fr-FR", owner, accountUrl + "/subscriptions", "Abonnements", "En essai", "résilié en fin de période");
    }

    private String newAccount(String name) {
        page.navigate("/sandbox");
        page.getByLabel("Name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        return page.url();
    }

    private StripeClient stripe(String accountUrl) {
        page.navigate(accountUrl);
        page.getByText("Reveal").first().click();
        return StripeClient.builder().setApiKey(page.getByTestId("secret-key").textContent().strip())
                .setApiBase(url("/sandbox")).build();
    }

    /** An active subscription of two seats, then a trial that cancels at its end, both on a clock at 2025-01-01. */
    private static Subscription[] subscriptions(StripeClient stripe) {
        try {
            TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                    .setFrozenTime(NEW_YEAR).build());
            Price monthly = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("usd")
                    .setUnitAmount(1000L).setProductData(PriceCreateParams.ProductData.builder().setName("Seats")
                            .build()).setRecurring(PriceCreateParams.Recurring.builder()
                            .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
            Customer ada = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com")
                    .setTestClock(clock.getId()).build());
            PaymentMethod card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams
                    .builder().setCustomer(ada.getId()).build());
            Subscription active = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                    .setCustomer(ada.getId()).setDefaultPaymentMethod(card.getId()).addItem(SubscriptionCreateParams
                            .Item.builder().setPrice(monthly.getId()).setQuantity(2L).build()).build());
            Customer grace = stripe.v1().customers().create(CustomerCreateParams.builder()
                    .setEmail("grace@example.com").setTestClock(clock.getId()).build());
            Subscription trial = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                    .setCustomer(grace.getId()).setTrialPeriodDays(14L).setCancelAtPeriodEnd(true)
                    .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build()).build());
            return new Subscription[] {active, trial};
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(String language, Person person, String subscriptionsUrl, String tab, String trialing,
            String cancels) {
        try (BrowserContext context = browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale(language).setBypassCSP(true))) {
            Page window = context.newPage();
            window.navigate("/login");
            window.locator("#username").fill(person.email());
            window.locator("#password").fill(PASSWORD);
            window.locator("main").getByRole(AriaRole.BUTTON).click();
            assertThat(window).not().hasURL(Pattern.compile(".*/login.*"));
            window.navigate(subscriptionsUrl);
            assertThat(window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tab))).isVisible();
            Locator trial = window.getByTestId("subscription").first();
            assertThat(trial.getByTestId("subscription-status")).hasText(trialing);
            assertThat(trial.getByTestId("cancellation")).hasText(cancels);
            window.setViewportSize(1280, 800);
            org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(window)).as(language + " at 1280 px")
                    .isEmpty();
            window.setViewportSize(390, 844);
            org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(window)).as(language + " at 390 px")
                    .isEmpty();
        }
    }
}
