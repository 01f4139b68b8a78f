package dev.paydeck.billing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import dev.paydeck.support.PaymentElement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription's first year, on an organization's own sandbox account, with the customer on a test clock so that
 * time moves: the customer starts a 14-day trial on the public pricing page with no card, saves one in the portal, is
 * charged when the trial ends, renews month after month; one renewal is declined (past due on the dashboard, one mail
 * with a link to the portal), the customer saves a good card there and pays the open invoice, and the subscription is
 * active again; renewals go on until staff cancel it at the period's end, and it ends then. Paydeck's pages show each
 * step, as Stripe's webhooks tell it.
 */
class SubscriptionJourneyBrowserTests extends BrowserTest {

    private static final String ORGANIZATION = "Lovelace Cloud";

    /** 2025-01-01T00:00:00Z: the customer's clock starts there; the trial ends on January 15. */
    private static final ZonedDateTime START = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aCustomerTrialsRenewsForAYearRecoversFromADeclinedRenewalAndCancels() throws Exception {
        Person owner = signUp("Journey subscriptions");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, ORGANIZATION);
        shop.sendEventsToPaydeck(owner);
        StripeClient stripe = shop.stripe();
        String product = json(call("POST", "/api/v1/products", shop.apiKey(), "{\"name\":\"Analytical plan\"}"))
                .get("id").asString();
        call("POST", "/api/v1/prices", shop.apiKey(), "{\"product_id\":\"" + product + "\",\"unit_amount\":2900,"
                + "\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"},"
                + "\"metadata\":{\"trial_period_days\":\"14\"}}");

        // The customer lives on a test clock: made in Stripe directly, known to Paydeck by webhook.
        TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(START.toEpochSecond()).setName("A year of renewals").build());
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        Customer onClock = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail(email)
                .setName("Ada Lovelace").setTestClock(clock.getId()).build());
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET",
                        "/api/v1/customers?q=" + email, shop.apiKey(), null)).get("data").valueStream()
                .filter(c -> onClock.getId().equals(c.path("stripe_customer_id").asString(null)))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), Objects::nonNull);

        // The pricing page: a trial with no card, for the customer of that email (the one on the clock).
        page.navigate("/pricing/" + shop.organization());
        assertThat(page.getByTestId("plan")).containsText("$29.00 per month");
        assertThat(page.getByTestId("trial")).containsText("14 days free");
        page.getByTestId("subscribe").click();
        page.getByLabel("Your email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#subscribed")).hasText("Your free trial has started");
        String subscription = page.url().substring(page.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        var subscribed = json(call("GET", "/api/v1/subscriptions/" + subscription, shop.apiKey(), null));
        org.assertj.core.api.Assertions.assertThat(subscribed.get("customer_id").asString()).isEqualTo(customer);
        String stripeSubscription = subscribed.get("stripe_subscription_id").asString();
        org.assertj.core.api.Assertions.assertThat(stripe.v1().subscriptions().retrieve(stripeSubscription)
                .getTestClock()).isEqualTo(clock.getId());

        // The customer saves a card in the portal: the first card is the default.
        page.navigate(json(call("POST", "/api/v1/customers/" + customer + "/portal-links", shop.apiKey(), null))
                .get("url").asString());
        addCard(page, "4242424242424242");

        signIn(owner);
        String subscriptionPage = "/app/organizations/" + shop.organization() + "/subscriptions/" + subscription;
        page.navigate(subscriptionPage);
        assertThat(page.getByTestId("subscription-status")).hasText("trial");

        // The trial ends: the first month is charged.
        advance(stripe, clock, START.withDayOfMonth(16));
        awaitStatus(shop, subscription, "active");
        awaitPaidInvoices(shop, customer, 1);
        page.reload();
        assertThat(page.getByTestId("subscription-status")).hasText("active");
        assertThat(page.getByTestId("period")).containsText(period(START.withDayOfMonth(15)));
        // Three days before the trial ended, the customer was told, once.
        page.navigate("/app/outbox");
        assertThat(page.locator("#outbox tbody tr").filter(new Locator.FilterOptions().setHasText(email))
                .filter(new Locator.FilterOptions().setHasText("Your trial with " + ORGANIZATION + " ends soon")))
                .hasCount(1);
        page.navigate("/app/organizations/" + shop.organization() + "/invoices?status=paid&customer=" + customer);
        // The trial's invoice of $0.00, paid as it was made (as in Stripe), and the first month's.
        assertThat(page.getByTestId("invoice")).hasCount(2);
        assertThat(page.getByTestId("invoice").filter(new Locator.FilterOptions().setHasText("$29.00")))
                .hasCount(1);
        assertThat(page.getByTestId("invoice").filter(new Locator.FilterOptions().setHasText("$0.00")))
                .hasCount(1);

        // February to May, two renewals at a time (as far as Stripe lets a clock go at once).
        advance(stripe, clock, START.withMonth(3).withDayOfMonth(16));
        awaitPaidInvoices(shop, customer, 3);
        advance(stripe, clock, START.withMonth(5).withDayOfMonth(16));
        awaitPaidInvoices(shop, customer, 5);

        // June's renewal is declined: past due, on the dashboard, and one mail asks the customer to update the card.
        defaultCard(stripe, onClock.getId(), "pm_card_chargeCustomerFail");
        advance(stripe, clock, START.withMonth(6).withDayOfMonth(16));
        awaitStatus(shop, subscription, "past_due");
        page.navigate("/app/organizations/" + shop.organization());
        assertThat(page.getByTestId("subscriptions-attention-count")).hasAttribute("data-count", "1");
        assertThat(page.getByTestId("attention-subscription")).containsText("Ada Lovelace");
        page.navigate(subscriptionPage);
        assertThat(page.getByTestId("subscription-status")).hasText("past due");
        assertThat(page.getByTestId("attention")).containsText("Its last invoice is not paid");
        String dunning = "Your payment to " + ORGANIZATION + " failed";
        await().atMost(Duration.ofSeconds(30)).until(() -> MailPages.row(page, email, dunning).count() == 1);
        String mail = MailPages.open(page, email, dunning);
        org.assertj.core.api.Assertions.assertThat(mail).contains("$29.00");
        String portal = MailPages.link(mail);
        org.assertj.core.api.Assertions.assertThat(portal).startsWith("/portal/");

        // The customer follows the mail's link, saves a good card as the default and pays the open invoice.
        try (BrowserContext customerContext = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")))) {
            customerContext.setDefaultTimeout(15_000);
            Page portalPage = customerContext.newPage();
            portalPage.navigate(portal);
            assertThat(portalPage.locator("#portal-customer")).containsText(email);
            addCard(portalPage, "5555555555554444");
            Locator mastercard = portalPage.locator("#cards li").filter(new Locator.FilterOptions()
                    .setHasText("ending 4444"));
            mastercard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make default")).click();
            assertThat(portalPage.locator("#portal-done")).hasText("That card is now your default.");
            Locator toPay = portalPage.locator("#invoices li").filter(new Locator.FilterOptions()
                    .setHasText("to pay"));
            assertThat(toPay).hasCount(1);
            assertThat(toPay).containsText("$29.00");
            toPay.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pay")).click();
            assertThat(portalPage.locator("#submit")).isEnabled();
            PaymentElement.fillCard(portalPage, "5555555555554444");
            portalPage.locator("#submit").click();
            assertThat(portalPage.getByTestId("invoice-status")).hasText("Paid");
        }
        awaitStatus(shop, subscription, "active");
        awaitPaidInvoices(shop, customer, 6);
        page.navigate(subscriptionPage);
        assertThat(page.getByTestId("subscription-status")).hasText("active");
        page.navigate("/app/organizations/" + shop.organization());
        assertThat(page.getByTestId("subscriptions-attention")).containsText("No subscription is past due");

        // July to January, with the good card.
        advance(stripe, clock, START.withMonth(8).withDayOfMonth(16));
        awaitPaidInvoices(shop, customer, 8);
        advance(stripe, clock, START.withMonth(10).withDayOfMonth(16));
        awaitPaidInvoices(shop, customer, 10);
        advance(stripe, clock, START.withMonth(12).withDayOfMonth(16));
        awaitPaidInvoices(shop, customer, 12);
        advance(stripe, clock, START.plusYears(1).withDayOfMonth(16));
        awaitPaidInvoices(shop, customer, 13);

        // Staff cancel it at the end of the period; it ends then.
        page.navigate(subscriptionPage);
        assertThat(page.getByTestId("period")).containsText(period(START.plusYears(1).withDayOfMonth(15)));
        page.getByTestId("cancel-at-period-end").click();
        assertThat(page.getByTestId("saved")).containsText("ends with its current period");
        assertThat(page.locator("[data-field=next-renewal]")).hasText("Ends with its period");
        advance(stripe, clock, START.plusYears(1).withMonth(2).withDayOfMonth(16));
        awaitStatus(shop, subscription, "canceled");
        page.reload();
        assertThat(page.getByTestId("subscription-status")).hasText("canceled");
        assertThat(page.getByTestId("subscription-actions")).hasCount(0);
        assertThat(page.getByTestId("period")).containsText("Ended");
        assertThat(page.getByTestId("period")).containsText(day(START.plusYears(1).withMonth(2).withDayOfMonth(15)));

        // The trial's, then thirteen months paid (the declined one in the portal), nothing after the end.
        page.navigate("/app/organizations/" + shop.organization() + "/invoices?status=paid&customer=" + customer);
        assertThat(page.getByTestId("invoice")).hasCount(14);
        assertThat(page.getByTestId("invoice").filter(new Locator.FilterOptions().setHasText("$29.00")))
                .hasCount(13);
        page.navigate("/app/organizations/" + shop.organization() + "/invoices?status=open&customer=" + customer);
        assertThat(page.getByTestId("invoices-empty")).isVisible();

        // One request to update the card in all that year: none for the renewals that were paid.
        page.navigate("/app/outbox");
        assertThat(page.locator("#outbox tbody tr").filter(new Locator.FilterOptions().setHasText(email))
                .filter(new Locator.FilterOptions().setHasText(dunning))).hasCount(1);
    }

    /** A monthly period from that day, as the subscription's page shows it. */
    private static String period(ZonedDateTime start) {
        return day(start) + " – " + day(start.plusMonths(1));
    }

    private static String day(ZonedDateTime time) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US)
                .format(time.withZoneSameInstant(ZoneId.systemDefault()));
    }

    private static void addCard(Page page, String number) {
        page.locator("#add-card").click();
        assertThat(page.locator("#submit")).isEnabled();
        PaymentElement.fillCard(page, number);
        page.locator("#submit").click();
        assertThat(page.locator("#portal-done")).hasText("Your card was saved.");
    }

    private static void defaultCard(StripeClient stripe, String customer, String token) throws Exception {
        PaymentMethod card = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer).build());
        stripe.v1().customers().update(customer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
    }

    private static void advance(StripeClient stripe, TestClock clock, ZonedDateTime to) throws Exception {
        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(to.toEpochSecond()).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> "ready".equals(stripe.v1().testHelpers().testClocks()
                .retrieve(clock.getId()).getStatus()));
    }

    private void awaitStatus(StripeAccount shop, String subscription, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> json(call("GET", "/api/v1/subscriptions/" + subscription,
                shop.apiKey(), null)).get("status").asString(), status::equals);
    }

    /** Paydeck's count of the customer's paid invoices with something charged (the trial's is of $0.00). */
    private void awaitPaidInvoices(StripeAccount shop, String customer, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> json(call("GET", "/api/v1/invoices?status=paid&limit=100"
                        + "&customer_id=" + customer, shop.apiKey(), null)).get("data").valueStream()
                .filter(invoice -> invoice.path("amount_paid").asLong() > 0).count(), paid -> paid == count);
    }
}
