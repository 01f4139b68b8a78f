package dev.paydeck.customers;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.param.SetupIntentCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The customers pages in a browser: create (with the messages at the fields, and once for a form sent twice), find
 * in the list by search, edit, and the customer's page with a payment made for them and a card saved on them in
 * Stripe (or a plain message when Stripe cannot be reached); a viewer reads but cannot write; Spanish and French.
 */
class CustomersBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void anOwnerCreatesFindsAndEditsACustomerAndSeesTheirPaymentsAndSavedCards() throws Exception {
        Person owner = signUp("Customer keeper");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Lovelace Books");
        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization());
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Customers").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Customers");
        assertThat(page.getByTestId("customers-empty")).containsText("No customers yet.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New customer")).click();
        create();
        assertThat(page.locator("#name-error")).hasText("Give the customer a name or an email address.");
        assertThat(page.locator("#name")).hasAttribute("aria-describedby", "name-error");
        page.getByLabel("Email").fill("ada at example");
        page.getByLabel("Phone").fill("call me");
        create();
        assertThat(page.locator("#email-error")).hasText("This is not an email address: check it for a typo.");
        assertThat(page.locator("#phone-error")).hasText("A phone number may contain digits, spaces and + ( ) . - only.");
        assertThat(page.locator("#email")).hasAttribute("aria-describedby", "email-error");

        String email = "ada-" + UUID.randomUUID() + "@example.com";
        page.getByLabel("Name").fill("Ada Lovelace");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Phone").fill("+44 20 7946 0000");
        page.getByLabel("Description").fill("Wholesale account");
        create();
        assertThat(page.locator("h1")).hasText("Ada Lovelace");
        assertThat(page.getByTestId("saved")).hasText("The customer is created, in Paydeck and in Stripe.");
        String customerId = page.url().substring(page.url().lastIndexOf('/') + 1);
        String stripeCustomer = page.getByTestId("customer-details").locator("dd.pd-code").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(stripeCustomer).startsWith("cus_");

        // A form sent twice (same hidden key) creates one customer.
        page.navigate("/app/organizations/" + shop.organization() + "/customers/new");
        String key = page.locator("input[name=idempotencyKey]").inputValue();
        String csrf = page.locator("main input[name=_csrf]").inputValue();
        String[] answers = new String[2];
        for (int i = 0; i < 2; i++) {
            APIResponse sent = page.request().post(url("/app/organizations/" + shop.organization()
                            + "/customers/new"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                    .set("name", "Grace Hopper").set("email", "grace@example.com").set("idempotencyKey", key)
                    .set("_csrf", csrf)));
            org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(302);
            answers[i] = sent.headers().get("location");
        }
        org.assertj.core.api.Assertions.assertThat(answers[1]).isEqualTo(answers[0]);

        page.navigate("/app/organizations/" + shop.organization() + "/customers");
        assertThat(page.getByTestId("customer")).hasCount(2);
        assertThat(page.getByTestId("customer").filter(new Locator.FilterOptions().setHasText("Grace Hopper")))
                .hasCount(1);
        page.getByLabel("Search by name or email").fill("LOVELACE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByTestId("customer")).hasCount(1);
        assertThat(page.getByTestId("customer")).containsText(email);
        page.getByLabel("Search by name or email").fill("nobody-at-all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByTestId("customers-empty")).containsText("No customer’s name or email contains “nobody-at-all”.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show all")).click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("customers.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the customer")).click();
        assertThat(page.getByLabel("Phone")).hasValue("+44 20 7946 0000");
        page.getByLabel("Email").fill("not an email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the changes")).click();
        assertThat(page.locator("#email-error")).hasText("This is not an email address: check it for a typo.");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Phone").fill("+1 555 0100");
        page.getByLabel("Description").fill("VIP");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the changes")).click();
        assertThat(page.getByTestId("saved")).hasText("The changes are saved, in Paydeck and in Stripe.");
        assertThat(page.locator("[data-field=phone]")).hasText("+1 555 0100");
        assertThat(page.locator("[data-field=description]")).hasText("VIP");
        org.assertj.core.api.Assertions.assertThat(shop.stripe().v1().customers().retrieve(stripeCustomer).getPhone())
                .isEqualTo("+1 555 0100");
        assertThat(page.getByTestId("saved-cards")).containsText("No card is saved for this customer.");
        assertThat(page.getByTestId("customer-payments")).containsText("No payments for this customer yet.");

        // A payment made for the customer, and a card saved on them with a SetupIntent.
        var paid = call("POST", "/api/v1/payment-intents", shop.apiKey(), "{\"amount\":1500,\"currency\":\"usd\","
                + "\"customer_id\":\"" + customerId + "\",\"description\":\"Books for Ada\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        org.assertj.core.api.Assertions.assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        String paymentId = json(paid).at("/payment/id").asString();
        shop.stripe().v1().setupIntents().create(SetupIntentCreateParams.builder().setCustomer(stripeCustomer)
                .setPaymentMethod("pm_card_visa").setConfirm(true).addPaymentMethodType("card").build());

        page.reload();
        Locator payment = page.getByTestId("customer-payment");
        assertThat(payment).hasCount(1);
        assertThat(payment).containsText("Books for Ada");
        assertThat(payment).containsText("succeeded");
        assertThat(payment.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("$15.00")))
                .hasAttribute("href", "/app/organizations/" + shop.organization() + "/payments/" + paymentId);
        assertThat(page.getByTestId("saved-card")).hasCount(1);
        assertThat(page.getByTestId("saved-card")).containsText("•••• 4242");
        assertThat(page.getByTestId("saved-card")).containsText(Pattern.compile("expires \\d\\d/\\d{4}"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("customer-detail.png"))
                .setFullPage(true));

        // Stripe down: the page still shows the customer and says why the cards are missing.
        shop.fault("unavailable");
        try {
            page.reload();
            assertThat(page.locator("h1")).hasText("Ada Lovelace");
            assertThat(page.getByTestId("cards-unavailable")).hasText("Stripe cannot be reached now, so the saved "
                    + "cards cannot be shown; they will be once Stripe answers.");
            assertThat(page.getByTestId("customer-payment")).hasCount(1);
        } finally {
            shop.fault("none");
        }
    }

    @Test
    void aViewerReadsTheCustomersButSeesNoWriteButtonAndIsRefusedAWrite() {
        Person owner = signUp("Owner of customers");
        Person viewer = signUp("Customer viewer");
        String organization = createOrganization(owner, "Viewed Customers", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", key,
                "{\"name\":\"Read Only\",\"email\":\"read-only@example.com\"}")).get("id").asString();
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        signIn(viewer);
        page.navigate("/app/organizations/" + organization + "/customers");
        assertThat(page.getByTestId("customer")).hasCount(1);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New customer"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read Only")).click();
        assertThat(page.locator("h1")).hasText("Read Only");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the customer")))
                .hasCount(0);

        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + organization
                + "/customers/new").status()).isEqualTo(403);
        page.navigate("/app/organizations/" + organization + "/customers");
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        APIResponse created = page.request().post(url("/app/organizations/" + organization + "/customers/new"),
                RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("name", "Forged")
                        .set("idempotencyKey", UUID.randomUUID().toString()).set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(403);
        APIResponse edited = page.request().post(url("/app/organizations/" + organization + "/customers/"
                        + customer + "/edit"), RequestOptions.create().setMaxRedirects(0)
                .setForm(FormData.create().set("name", "Forged").set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(edited.status()).isEqualTo(403);
        page.reload();
        assertThat(page.getByTestId("customer")).hasCount(1);
        assertThat(page.getByTestId("customer")).containsText("Read Only");

        // The viewer's own organization does not open another organization's customer, nor does a stranger.
        String theirs = createOrganization(viewer, "Viewer's own", null).get("id").asString();
        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + theirs + "/customers/"
                + customer).status()).isEqualTo(404);
        Person stranger = signUp("Stranger");
        signIn(stranger);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + organization + "/customers")
                .status()).isEqualTo(404);
    }

    @Test
    void theListIsPagedNewestFirstAndExportedWhole() throws Exception {
        Person owner = signUp("Many customers");
        String organization = createOrganization(owner, "Crowded Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        for (int i = 1; i <= 27; i++) {
            call("POST", "/api/v1/customers", key, "{\"name\":\"Customer " + i + "\"}");
        }
        signIn(owner);
        page.navigate("/app/organizations/" + organization + "/customers");

        assertThat(page.getByTestId("customer")).hasCount(25);
        assertThat(page.getByTestId("customer").first()).containsText("Customer 27");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
        assertThat(page.getByTestId("customer")).hasCount(2);
        assertThat(page.getByTestId("customer").last()).containsText("Customer 1");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page")).click();
        assertThat(page.getByTestId("customer")).hasCount(25);

        page.getByLabel("Search by name or email").fill("customer 2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        // Customer 2 and 20 to 27: nine, on one page.
        assertThat(page.getByTestId("customer")).hasCount(9);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page"))).hasCount(0);

        // The export takes every customer the search finds, whatever the page shows: here the nine, a header above.
        String found = java.nio.file.Files.readString(page.waitForDownload(() -> page.getByTestId("export").click())
                .path());
        org.assertj.core.api.Assertions.assertThat(found.lines().toList()).hasSize(10);
        org.assertj.core.api.Assertions.assertThat(found).contains(",Customer 27,", ",Customer 2,")
                .doesNotContain(",Customer 1,");
    }

    @Test
    void theCustomersListSpeaksSpanishAndFrench() {
        Person owner = signUp("Polyglot");
        String organization = createOrganization(owner, "Idiomas", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/customers", key, "{\"name\":\"Amélie Poulain\",\"email\":\"amelie@example.com\"}");
        for (String[] language : new String[][] {
                {"es-ES", "Clientes", "Nuevo cliente", "Buscar por nombre o correo", "Ningún cliente tiene “zzz” en su nombre o correo."},
                {"fr-FR", "Clients", "Nouveau client", "Rechercher par nom ou e-mail", "Aucun client n’a « zzz » dans son nom ou son e-mail."}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page tab = context.newPage();
                tab.navigate("/login");
                tab.locator("#username").fill(owner.email());
                tab.locator("#password").fill(PASSWORD);
                tab.locator("main").getByRole(AriaRole.BUTTON).click();
                tab.waitForURL("**/app/organizations/" + organization);
                tab.navigate("/app/organizations/" + organization + "/customers");
                assertThat(tab.locator("h1")).hasText(language[1]);
                assertThat(tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(language[2]))).isVisible();
                assertThat(tab.getByTestId("customer")).containsText("Amélie Poulain");
                tab.getByLabel(language[3]).fill("zzz");
                tab.getByLabel(language[3]).press("Enter");
                assertThat(tab.getByTestId("customers-empty")).containsText(language[4]);
            }
        }
    }

    private void create() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the customer")).click();
    }
}
