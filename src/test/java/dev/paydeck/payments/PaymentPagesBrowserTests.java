package dev.paydeck.payments;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The payments pages as staff use them: the list with its status chips, filters and search; a payment's detail with
 * its timeline; refunds (partial, then the rest) through the refund dialog, which the list and the dashboard then
 * show; capture of an authorization; what a viewer may not do; a double-submitted refund; Spanish and French.
 */
class PaymentPagesBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    /** An organization of its own (sandbox), its owner and an admin API key that makes its payments. */
    private record Shop(Person owner, String id, String key) {
    }

    private Shop shop(String name) {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        return new Shop(owner, organization, apiKey(owner, organization, "admin"));
    }

    /** A payment made through the API; answers its Paydeck id. */
    private String pay(Shop shop, long amount, String extra) {
        var response = call("POST", "/api/v1/payment-intents", shop.key(), "{\"amount\":" + amount
                + ",\"currency\":\"eur\"," + extra + "}");
        // A declined card answers 402 with the payment's id among the problem's details.
        return response.statusCode() == 402 ? json(response).get("payment_id").asString()
                : json(response).at("/payment/id").asString();
    }

    private String paid(Shop shop, long amount, String description, String email) {
        return pay(shop, amount, "\"payment_method\":\"pm_card_visa\",\"confirm\":true,\"description\":\""
                + description + "\",\"customer_email\":\"" + email + "\"");
    }

    private String held(Shop shop, long amount) {
        return pay(shop, amount, "\"capture_method\":\"manual\",\"payment_method\":\"pm_card_visa\",\"confirm\":true,"
                + "\"description\":\"Held order\"");
    }

    private String declined(Shop shop, long amount) {
        return pay(shop, amount, "\"payment_method\":\"pm_card_chargeDeclined\",\"confirm\":true,"
                + "\"description\":\"Declined order\"");
    }

    @Test
    void theListShowsChipsAndItsFiltersAndSearchWork() {
        Shop shop = shop("Filter Shop");
        page.setViewportSize(1280, 900);
        signIn(page, shop.owner().email());
        page.navigate("/app/organizations/" + shop.id() + "/payments");
        assertThat(page.getByTestId("empty")).containsText("No payments yet.");

        String mugBuyer = "mug-" + UUID.randomUUID() + "@example.com";
        String mug = paid(shop, 2_050, "Blue mug", mugBuyer);
        paid(shop, 990, "Tea towel", "towel-" + UUID.randomUUID() + "@example.com");
        String authorization = held(shop, 3_000);
        String failure = declined(shop, 700);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payments").setExact(true)).first().click();
        assertThat(page.locator("h1")).hasText("Payments");
        Locator rows = page.locator("[data-testid=payments] tbody tr");
        assertThat(rows).hasCount(4);
        assertThat(page.locator("tr[data-payment='" + mug + "'] [data-testid=amount]")).hasText("€20.50");
        assertThat(page.locator("tr[data-payment='" + mug + "'] [data-testid=chip]")).hasText("Succeeded");
        assertThat(page.locator("tr[data-payment='" + mug + "']")).containsText(mugBuyer);
        assertThat(page.locator("tr[data-payment='" + authorization + "'] [data-testid=chip]"))
                .hasText("Awaiting capture");
        assertThat(page.locator("tr[data-payment='" + failure + "'] [data-testid=chip]")).hasText("Failed");
        assertThat(page.getByTestId("new-payment")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("payments.png")).setFullPage(true));

        chip(page, "failed");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", failure);
        chip(page, "uncaptured");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", authorization);
        chip(page, "attention");
        assertThat(rows).hasCount(2);
        chip(page, "canceled");
        assertThat(page.getByTestId("empty")).containsText("No payment matches these filters.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All").setExact(true)))
                .hasAttribute("aria-current", "true");
        assertThat(rows).hasCount(4);
        filter("Search", "blue MUG", "q=blue%20MUG");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", mug);
        filter("Search", mugBuyer, "q=" + mugBuyer.replace("@", "%40"));
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", mug);
        filter("Search", mug, "q=" + mug);
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", mug);
        String intent = json(call("GET", "/api/v1/payment-intents/" + authorization, shop.key(), null))
                .at("/payment/stripe_payment_intent_id").asString();
        filter("Search", intent, "q=" + intent);
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", authorization);

        page.getByLabel("Search").fill("");
        page.getByLabel("Amount from").fill("10");
        page.getByLabel("Currency").selectOption("EUR");
        filter("Amount to", "25,00", "max=25%2C00");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-payment", mug);
        page.getByLabel("Amount from").fill("ten");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();
        assertThat(page.locator("#min-error")).hasText("Enter an amount such as 12.50, without a currency sign.");
        assertThat(page.getByLabel("Amount from")).hasAttribute("aria-describedby", "min-error");

        page.navigate("/app/organizations/" + shop.id() + "/payments?customer=" + mugBuyer.substring(0, 12));
        assertThat(rows).hasCount(1);
        page.navigate("/app/organizations/" + shop.id() + "/payments?from=2000-01-01&to=2000-01-31");
        assertThat(page.getByTestId("empty")).isVisible();

        var unknown = page.navigate("/app/organizations/" + shop.id() + "/payments?status=paid");
        org.assertj.core.api.Assertions.assertThat(unknown.status()).isEqualTo(400);
        assertThat(page.getByTestId("filter-error")).hasText(
                "“paid” is not a payment status Paydeck knows: choose one of the statuses above.");
        var broken = page.navigate("/app/organizations/" + shop.id() + "/payments?from=yesterday&after=nope");
        org.assertj.core.api.Assertions.assertThat(broken.status()).isEqualTo(400);
        assertThat(page.locator("#from-error")).hasText("Enter a date such as 2026-12-31.");
    }

    @Test
    void theExportDownloadsEveryPaymentTheFiltersMatch() throws Exception {
        Shop shop = shop("Export Shop");
        String buyer = "export-" + UUID.randomUUID() + "@example.com";
        String mug = paid(shop, 2_050, "Blue mug", buyer);
        paid(shop, 990, "Tea towel", buyer);
        String failure = declined(shop, 700);
        signIn(page, shop.owner().email());
        page.navigate("/app/organizations/" + shop.id() + "/payments");

        com.microsoft.playwright.Download all = page.waitForDownload(() -> page.getByTestId("export").click());
        org.assertj.core.api.Assertions.assertThat(all.suggestedFilename()).matches("payments-\\d{4}-\\d{2}-\\d{2}\\.csv");
        String csv = java.nio.file.Files.readString(all.path());
        org.assertj.core.api.Assertions.assertThat(csv.lines().count()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(csv).contains(mug + ",", failure + ",", "Tea towel", buyer);

        chip(page, "failed");
        String failed = java.nio.file.Files.readString(page.waitForDownload(() -> page.getByTestId("export").click())
                .path());
        org.assertj.core.api.Assertions.assertThat(failed.lines().toList()).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(failed.lines().toList().get(1)).startsWith(failure + ",");
    }

    @Test
    void theListPagesThroughManyPaymentsNewestFirst() {
        Shop shop = shop("Busy Shop");
        for (int i = 0; i < 27; i++) {
            paid(shop, 100 + i, "Item " + i, "busy-" + i + "-" + UUID.randomUUID() + "@example.com");
        }
        signIn(page, shop.owner().email());
        page.navigate("/app/organizations/" + shop.id() + "/payments");
        Locator rows = page.locator("[data-testid=payments] tbody tr");
        assertThat(rows).hasCount(25);
        assertThat(rows.first()).containsText("Item 26");
        page.getByTestId("next").click();
        assertThat(rows).hasCount(2);
        assertThat(rows.last()).containsText("Item 0");
        assertThat(page.getByTestId("next")).hasCount(0);
    }

    @Test
    void refundingPartThenTheRestUpdatesTheDetailTheListAndTheDashboard() {
        Shop shop = shop("Refund Shop");
        String payment = paid(shop, 2_050, "Blue mug", "refund-" + UUID.randomUUID() + "@example.com");
        page.setViewportSize(1280, 900);
        signIn(page, shop.owner().email());
        page.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
        assertThat(page.getByTestId("payment-amount")).hasText("€20.50");
        assertThat(page.locator("main [data-testid=chip]").first()).hasText("Succeeded");
        assertThat(page.getByTestId("timeline")).containsText("Payment recorded in Paydeck");
        assertThat(page.getByTestId("charges")).containsText("4242");
        assertThat(page.getByTestId("calls")).containsText("/v1/payment_intents");

        Locator dialog = page.locator("#refund-dialog");
        Locator amount = dialog.getByLabel("Amount to refund (EUR)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click();
        assertThat(amount).hasValue("20.50");
        for (String[] wrong : new String[][] {{"five", "Enter an amount such as 12.50, without a currency sign."},
                {"0", "The amount must be more than zero."},
                {"25", "That is more than is left to refund: at most €20.50."}}) {
            amount.fill(wrong[0]);
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue")).click();
            assertThat(dialog.locator("#refund-amount-error")).hasText(wrong[1]);
            assertThat(amount).hasAttribute("aria-describedby", "refund-amount-error refund-amount-help");
            assertThat(amount).hasValue(wrong[0]);
        }
        amount.fill("5,00");
        dialog.getByLabel("Reason").selectOption("requested_by_customer");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue")).click();
        assertThat(dialog.getByTestId("refund-confirmation")).containsText("Refund €5.00 to the customer?");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund €5.00")).click();

        assertThat(page.getByTestId("notice")).hasText("Refunded €5.00.");
        assertThat(page.locator("[data-figure=refunded]")).hasText("€5.00");
        assertThat(page.locator("[data-figure=refundable]")).hasText("€15.50");
        assertThat(page.getByTestId("refunds")).containsText("Requested by the customer");
        assertThat(page.locator("main [data-testid=chip]").first()).hasText("Refunded");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("payment-detail.png"))
                .setFullPage(true));

        page.navigate("/app/organizations/" + shop.id() + "/payments?status=refunded");
        assertThat(page.locator("tr[data-payment='" + payment + "'] [data-testid=chip]")).hasText("Refunded");
        page.navigate("/app/organizations/" + shop.id());
        assertThat(page.locator("[data-period=today] [data-figure=refunded]")).hasText("€5.00");
        assertThat(page.locator("[data-period=today] [data-figure=net]")).hasText("€15.50");

        page.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click();
        assertThat(amount).hasValue("15.50");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue")).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund €15.50")).click();
        assertThat(page.getByTestId("notice")).hasText("Refunded €15.50.");
        assertThat(page.locator("[data-figure=refunded]")).hasText("€20.50");
        assertThat(page.locator("[data-figure=refundable]")).hasText("€0.00");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)))
                .hasCount(0);
        assertThat(page.getByTestId("refunds").locator("tbody tr")).hasCount(2);
        page.navigate("/app/organizations/" + shop.id());
        assertThat(page.locator("[data-period=today] [data-figure=refunded]")).hasText("€20.50");
        assertThat(page.locator("[data-period=today] [data-figure=net]")).hasText("€0.00");
    }

    @Test
    void aDoubleSubmittedRefundFormRefundsOnce() {
        Shop shop = shop("Double Shop");
        String payment = paid(shop, 4_000, "Kettle", "double-" + UUID.randomUUID() + "@example.com");
        signIn(page, shop.owner().email());
        page.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click();
        Locator dialog = page.locator("#refund-dialog");
        dialog.getByLabel("Amount to refund (EUR)").fill("10");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue")).click();
        Locator form = dialog.locator("form");
        String key = form.locator("input[name=idempotencyKey]").inputValue();
        String csrf = form.locator("input[name=_csrf]").inputValue();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund €10.00"))
                .dblclick();
        assertThat(page.getByTestId("notice")).hasText("Refunded €10.00.");

        // The same form sent once more (a slow network's retry): the refund it made, nothing more.
        APIResponse again = page.request().post(url("/app/organizations/" + shop.id() + "/payments/" + payment
                + "/refunds"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                .set("amount", "10").set("reason", "").set("idempotencyKey", key).set("step", "confirm")
                .set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(again.status()).isEqualTo(302);
        var detail = json(call("GET", "/api/v1/payment-intents/" + payment, shop.key(), null));
        org.assertj.core.api.Assertions.assertThat(detail.get("refunds")).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(detail.at("/payment/amount_refunded").asLong()).isEqualTo(1_000);
        page.reload();
        assertThat(page.getByTestId("notice")).hasText("Refunded €10.00.");
        assertThat(page.getByTestId("refunds").locator("tbody tr")).hasCount(1);
    }

    @Test
    void aStripeOutageDuringARefundIsSaidInPlainWords() {
        Person owner = signUp("Outage owner");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "Outage Shop " + UUID.randomUUID());
        Shop shop = new Shop(owner, account.organization(), account.apiKey());
        String payment = paid(shop, 1_000, "Outage order", "outage-" + UUID.randomUUID() + "@example.com");
        signIn(page, owner.email());
        page.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click();
        Locator dialog = page.locator("#refund-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue")).click();
        account.fault("unavailable");
        try {
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund €10.00")).click();
            assertThat(page.getByTestId("notice")).containsText("Stripe did not answer, so the outcome is not known yet");
            assertThat(page.getByTestId("refunds")).containsText("Not confirmed by Stripe");
        } finally {
            account.fault("none");
        }
    }

    @Test
    void aHeldPaymentIsCapturedOrCanceledAfterConfirmation() {
        Shop shop = shop("Capture Shop");
        String payment = held(shop, 3_000);
        String other = held(shop, 1_200);
        signIn(page, shop.owner().email());
        page.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
        assertThat(page.locator("main [data-testid=chip]").first()).hasText("Awaiting capture");
        assertThat(page.locator("[data-figure=capturable]")).hasText("€30.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Capture").setExact(true)).click();
        Locator dialog = page.locator("#capture-dialog");
        assertThat(dialog.locator("h2")).hasText("Capture €30.00 now?");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Capture now")).click();
        assertThat(page.getByTestId("notice")).hasText("Captured €30.00.");
        assertThat(page.locator("main [data-testid=chip]").first()).hasText("Succeeded");
        assertThat(page.locator("[data-figure=received]")).hasText("€30.00");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Capture").setExact(true)))
                .hasCount(0);
        assertThat(page.getByTestId("calls")).containsText("/capture");

        page.navigate("/app/organizations/" + shop.id() + "/payments/" + other);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel payment")).click();
        page.locator("#cancel-dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Cancel the payment")).click();
        assertThat(page.getByTestId("notice")).hasText("The payment is canceled and the authorization released.");
        assertThat(page.locator("main [data-testid=chip]").first()).hasText("Canceled");
    }

    @Test
    void aViewerSeesNoWriteButtonsAndIsRefusedWhenPostingAnyway() {
        Shop shop = shop("Viewed Payments");
        Person viewer = signUp("Payments viewer");
        call("POST", "/api/v1/organizations/" + shop.id() + "/members", shop.owner().token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");
        String payment = paid(shop, 1_500, "Viewed order", "viewed-" + UUID.randomUUID() + "@example.com");
        String authorization = held(shop, 900);

        signIn(page, viewer.email());
        page.navigate("/app/organizations/" + shop.id() + "/payments");
        assertThat(page.locator("[data-testid=payments] tbody tr")).hasCount(2);
        assertThat(page.getByTestId("new-payment")).hasCount(0);
        page.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
        assertThat(page.getByTestId("payment-amount")).hasText("€15.00");
        assertThat(page.getByTestId("actions")).hasCount(0);
        assertThat(page.locator("#refund-dialog")).hasCount(0);
        page.navigate("/app/organizations/" + shop.id() + "/payments/" + authorization);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Capture").setExact(true)))
                .hasCount(0);

        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        String base = url("/app/organizations/" + shop.id() + "/payments/");
        APIResponse refund = page.request().post(base + payment + "/refunds", RequestOptions.create()
                .setMaxRedirects(0).setForm(FormData.create().set("amount", "15").set("step", "confirm")
                        .set("idempotencyKey", UUID.randomUUID().toString()).set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(refund.status()).isEqualTo(403);
        APIResponse capture = page.request().post(base + authorization + "/capture", RequestOptions.create()
                .setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(capture.status()).isEqualTo(403);
        APIResponse cancel = page.request().post(base + authorization + "/cancel", RequestOptions.create()
                .setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(cancel.status()).isEqualTo(403);
        var detail = json(call("GET", "/api/v1/payment-intents/" + payment, shop.key(), null));
        org.assertj.core.api.Assertions.assertThat(detail.get("refunds")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/payment-intents/" + authorization,
                shop.key(), null)).at("/payment/status").asString()).isEqualTo("requires_capture");
    }

    @Test
    void anOwnersRefundWithoutTheCsrfTokenIsRefused() {
        Shop shop = shop("Csrf Shop");
        String payment = paid(shop, 1_500, "Csrf order", "csrf-" + UUID.randomUUID() + "@example.com");
        signIn(page, shop.owner().email());
        APIResponse forged = page.request().post(url("/app/organizations/" + shop.id() + "/payments/" + payment
                + "/refunds"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                .set("amount", "15").set("step", "confirm").set("idempotencyKey", UUID.randomUUID().toString())));
        org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/payment-intents/" + payment,
                shop.key(), null)).get("refunds")).isEmpty();
    }

    @Test
    void theListInSpanishAndFrench() {
        Shop shop = shop("Boutique");
        String payment = paid(shop, 2_050, "Taza azul", "langues-" + UUID.randomUUID() + "@example.com");
        declined(shop, 700);
        for (String[] language : new String[][] {
                {"es-ES", "Pagos", "Cobrado", "Fallido", "Requieren atención", "Ningún pago coincide con estos filtros."},
                {"fr-FR", "Paiements", "Réussi", "Échoué", "À traiter", "Aucun paiement ne correspond à ces filtres."}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page tab = context.newPage();
                signIn(tab, shop.owner().email());
                tab.navigate("/app/organizations/" + shop.id() + "/payments");
                assertThat(tab.locator("h1")).hasText(language[1]);
                assertThat(tab.locator("tr[data-payment='" + payment + "'] [data-testid=amount]"))
                        .hasText("20,50 €");
                assertThat(tab.locator("tr[data-payment='" + payment + "'] [data-testid=chip]"))
                        .hasText(language[2]);
                assertThat(tab.locator("[data-testid=payments]")).containsText(language[3]);
                chip(tab, "attention");
                assertThat(tab.locator("[data-testid=chips] [data-group=attention]")).hasText(language[4]);
                assertThat(tab.locator("[data-testid=payments] tbody tr")).hasCount(1);
                tab.navigate("/app/organizations/" + shop.id() + "/payments?status=canceled");
                assertThat(tab.getByTestId("empty")).containsText(language[5]);
                tab.navigate("/app/organizations/" + shop.id() + "/payments/" + payment);
                assertThat(tab.getByTestId("payment-amount")).hasText("20,50 €");
            }
        }
    }

    @Test
    void oddAddressesAreAnsweredInPlainWordsAndAnotherOrganizationsPaymentIsNotFound() {
        Shop shop = shop("Odd Shop");
        Shop other = shop("Other Shop");
        String theirs = paid(other, 1_000, "Not yours", "other-" + UUID.randomUUID() + "@example.com");
        signIn(page, shop.owner().email());
        String base = "/app/organizations/" + shop.id() + "/payments";
        for (String path : new String[] {base + "/" + theirs, base + "/not-a-payment", base + "/" + UUID.randomUUID(),
                "/app/organizations/" + other.id() + "/payments", "/app/organizations/" + other.id() + "/payments/"
                + theirs}) {
            org.assertj.core.api.Assertions.assertThat(page.navigate(path).status()).as(path).isEqualTo(404);
        }
        for (String query : new String[] {"?min=99999999999&currency=EUR", "?min=1e3&currency=EUR",
                "?max=5&currency=XYZ", "?from=2026-13-45", "?from=2026-12-02&to=2026-12-01", "?after=x",
                "?min=9&max=1&currency=EUR", "?status=SUCCEEDED"}) {
            var response = page.navigate(base + query);
            org.assertj.core.api.Assertions.assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(page.locator(".invalid-feedback, [data-testid=filter-error]").first()).isVisible();
        }
        org.assertj.core.api.Assertions.assertThat(page.navigate(base + "?q=%25_%5C&customer=%25").status())
                .isEqualTo(200);
        assertThat(page.getByTestId("empty")).isVisible();
    }

    /** Picks a status chip and waits until the list shows its payments. */
    private static void chip(Page page, String group) {
        page.locator("[data-testid=chips] [data-group=" + group + "]").click();
        assertThat(page).hasURL(inTheAddress("status=" + group));
        assertThat(page.locator("[data-testid=chips] [data-group=" + group + "]")).hasAttribute("aria-current", "true");
    }

    /** Fills a filter field and sends the filters, then waits until the list shows them (htmx swaps it). */
    private void filter(String label, String value, String inAddress) {
        page.getByLabel(label).fill(value);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();
        assertThat(page).hasURL(inTheAddress(inAddress));
    }

    /** An address with this parameter (Playwright matches it in the browser, so no {@code \Q…\E} quoting). */
    private static java.util.regex.Pattern inTheAddress(String parameter) {
        return java.util.regex.Pattern.compile(".*[?&]" + parameter.replaceAll("[.+?*()\\[\\]{}|^$\\\\]", "\\\\$0")
                + "(&.*)?$");
    }

    /** Signs in on the sign-in page in whichever language it is. */
    static void signIn(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("main form button[type=submit]").click();
        page.waitForURL("**/app/**");
    }
}
