package dev.paydeck.sandbox;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.StripeClient;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sandbox's pages in the full product: for signed-in people, each seeing the sandbox accounts of their
 * organizations (owners and admins act on them, viewers only look) and the ones they opened. Sandbox-only mode, where
 * the pages are open, is {@link SandboxOnlyModeBrowserTests}.
 */
class SandboxPagesBrowserTests extends BrowserTest {

    @Test
    void signedOutVisitorsAreSentToSignInAndComeBackAfterwards() {
        String programs = newAccount().id();

        page.navigate("/sandbox/accounts/" + programs);
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("h1")).hasText("Sign in to Paydeck");
        page.navigate("/sandbox");
        assertThat(page).hasURL(url("/login"));
        var reset = send(request("/sandbox/accounts/" + programs + "/reset")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("confirm=yes")));
        org.assertj.core.api.Assertions.assertThat(reset.statusCode()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(reset.headers().firstValue("Location")).hasValueSatisfying(
                location -> org.assertj.core.api.Assertions.assertThat(location).endsWith("/login"));

        // What shops and their customers use stays public: Stripe.js, the test cards, the checkout demo.
        for (String open : new String[] {"/sandbox/js/v3", "/sandbox/test-cards", "/sandbox/checkout-demo"}) {
            org.assertj.core.api.Assertions.assertThat(get(open, "*/*").statusCode()).as(open).isEqualTo(200);
        }

        Person person = signUp("Returning");
        page.getByLabel("Email").fill(person.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox(\\?continue)?$"));
        assertThat(page.locator("h1")).hasText("The Stripe-compatible sandbox");
        // An account a program opened is nobody's: no signed-in person sees it.
        assertThat(page.getByText(programs)).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/sandbox/accounts/" + programs).status())
                .isEqualTo(404);
    }

    @Test
    void anOwnerSeesTheirOrganizationsSandboxAccountAndNoOtherOrganizations() throws Exception {
        Person owner = signUp("Owner A");
        String shop = "Shop A " + UUID.randomUUID();
        String ours = createOrganization(owner, shop, null).get("stripe").get("publishable_key").asString();
        String theirs = createOrganization(signUp("Owner B"), "Shop B", null).get("stripe").get("publishable_key")
                .asString();

        signIn(owner);
        page.navigate("/app/organizations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sandbox account")).click();

        assertThat(page.locator("h1")).hasText(shop);
        assertThat(page.locator("main")).containsText(ours);
        page.getByText("Reveal").first().click();
        String secretKey = page.getByTestId("secret-key").textContent().strip();
        StripeClient stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(url("/sandbox")).build();
        org.assertj.core.api.Assertions.assertThat(stripe.v1().customers().list().getData()).isEmpty();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset account data")))
                .isVisible();

        page.navigate("/sandbox");
        assertThat(page.getByTestId("account").filter(new Locator.FilterOptions().setHasText(ours))).hasCount(1);
        assertThat(page.locator("main")).not().containsText(theirs);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/sandbox/accounts?publishable_key=" + theirs)
                .status()).isEqualTo(404);
    }

    @Test
    void aViewerSeesTheAccountWithoutItsSecretsOrButtonsAndCannotForceAChange() {
        Person owner = signUp("Owner");
        Person viewer = signUp("Viewer");
        String shop = "Viewed Shop " + UUID.randomUUID();
        var organization = createOrganization(owner, shop, null);
        String publishableKey = organization.get("stripe").get("publishable_key").asString();
        call("POST", "/api/v1/organizations/" + organization.get("id").asString() + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        signIn(viewer);
        page.navigate("/app/organizations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sandbox account")).click();

        assertThat(page.locator("h1")).hasText(shop);
        assertThat(page.getByTestId("read-only")).isVisible();
        assertThat(page.locator("main")).containsText(publishableKey);
        assertThat(page.getByTestId("masked-secret-key")).hasText(Pattern.compile("sk_test_…\\w{4}"));
        assertThat(page.getByTestId("secret-key")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContainPattern("sk_test_\\w{20,}");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset account data")))
                .hasCount(0);
        String accountId = page.url().substring(page.url().lastIndexOf('/') + 1);

        // Paydeck's own webhook endpoint on the account: shown, without its signing secret or a test button.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
        assertThat(page.getByTestId("endpoint")).hasCount(1);
        assertThat(page.getByText("Reveal signing secret")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")))
                .hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("whsec_");

        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        APIResponse reset = page.request().post(url("/sandbox/accounts/" + accountId + "/reset"),
                RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("confirm", "yes").set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(reset.status()).isEqualTo(403);
        APIResponse endpoint = page.request().post(url("/sandbox/accounts/" + accountId + "/webhook_endpoints"),
                RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("url", "http://127.0.0.1:9/hooks").set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(endpoint.status()).isEqualTo(403);
        // The same session and token do what a viewer may: open an account of their own.
        APIResponse own = page.request().post(url("/sandbox/accounts/new"), RequestOptions.create()
                .setMaxRedirects(0).setForm(FormData.create().set("name", "Viewer's own").set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(own.status()).isEqualTo(302);
        page.reload();
        assertThat(page.getByTestId("endpoint")).hasCount(1);
    }

    @Test
    void anAccountOpenedWithPostSandboxAccountsWhileSignedInIsTheirs() {
        signIn(signUp("API user"));
        page.navigate("/sandbox");
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");

        APIResponse created = page.request().post(url("/sandbox/accounts"), RequestOptions.create()
                .setForm(FormData.create().set("name", "Opened by API").set("listed", "false").set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
        String accountId = JSON.readTree(created.text()).get("id").asString();

        page.navigate("/sandbox");
        assertThat(page.getByTestId("account").filter(new Locator.FilterOptions().setHasText(accountId)))
                .containsText("Opened by API");
        page.navigate("/sandbox/accounts/" + accountId);
        assertThat(page.locator("h1")).hasText("Opened by API");
        assertThat(page.getByTestId("read-only")).hasCount(0);
    }

    @Test
    void theSnippetsNameTheAddressThePageWasServedFrom() {
        signIn(signUp("Snippet reader"));
        page.navigate("/sandbox");

        assertThat(page.getByTestId("stripe-js-snippet"))
                .hasText("<script src=\"http://localhost:" + port + "/sandbox/js/v3\"></script>");
        assertThat(page.getByTestId("stripe-java-snippet"))
                .containsText(".setApiBase(\"http://localhost:" + port + "/sandbox\")");
    }

    @Test
    void createsAnAccountRevealsItsKeysAndShowsItsApiRequests() throws Exception {
        Person person = signUp("Account maker");
        signIn(person);
        page.navigate("/sandbox");
        assertThat(page.locator("h1")).hasText("The Stripe-compatible sandbox");

        page.getByLabel("Name").fill("Browser shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page.locator("h1")).hasText("Browser shop");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created");
        Locator secret = page.getByTestId("secret-key");
        assertThat(secret).not().isVisible();
        page.getByText("Reveal").first().click();
        assertThat(secret).isVisible();
        String secretKey = secret.textContent().strip();
        org.assertj.core.api.Assertions.assertThat(secretKey).startsWith("sk_test_");

        StripeClient stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(url("/sandbox")).build();
        var customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Seen").build(),
                com.stripe.net.RequestOptions.builder().setIdempotencyKey("browser-key-1").build());

        page.reload();
        Locator row = page.getByTestId("requests").locator("tbody tr").first();
        assertThat(row).containsText("POST");
        assertThat(row).containsText("/v1/customers");
        assertThat(row).containsText("200");
        assertThat(row).containsText("browser-key-1");
        assertThat(row).containsText(Pattern.compile("req_\\w+"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Events")).click();
        Locator eventRow = page.getByTestId("events").locator("tbody tr").first();
        assertThat(eventRow).containsText("customer.created");
        Page json = page.waitForPopup(() -> eventRow.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("JSON")).click());
        assertThat(json.locator("body")).containsText(customer.getId());
        assertThat(json.locator("body")).containsText("\"type\" : \"customer.created\"");

        // The account is the person's: listed for them, and for nobody else.
        String accountId = page.url().replaceAll(".*/accounts/([^/]+).*", "$1");
        page.navigate("/sandbox");
        assertThat(page.getByTestId("account").filter(new Locator.FilterOptions().setHasText("Browser shop"))
                .filter(new Locator.FilterOptions().setHasText(accountId))).hasCount(1);
        page.context().clearCookies();
        signIn(signUp("Someone else"));
        page.navigate("/sandbox");
        assertThat(page.getByText(accountId)).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/sandbox/accounts/" + accountId).status())
                .isEqualTo(404);
    }

    @Test
    void sendsATestEventToAnEndpointAndShowsTheAttempt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Account account = signedInWithAnAccountOfTheirOwn("Webhook shop");
            StripeClient stripe = StripeClient.builder().setApiKey(account.secretKey()).setApiBase(url("/sandbox"))
                    .build();
            WebhookEndpoint endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                    .setUrl(receiver.url()).addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build());
            page.navigate("/sandbox/accounts/" + account.id() + "/webhooks");
            Locator card = page.getByTestId("endpoint");
            assertThat(card).containsText(receiver.url());
            card.getByText("Reveal signing secret").click();
            assertThat(card).containsText(endpoint.getSecret());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Test event evt_");
            var request = receiver.await(1, Duration.ofSeconds(10)).getFirst();
            var event = Webhook.constructEvent(request.body(), request.header("Stripe-Signature"),
                    endpoint.getSecret());
            org.assertj.core.api.Assertions.assertThat(event.getType()).isEqualTo("customer.created");

            Locator attempt = page.getByTestId("attempts").locator("tbody tr").first();
            assertThat(attempt).containsText("#1", new com.microsoft.playwright.assertions.LocatorAssertions
                    .ContainsTextOptions().setTimeout(10_000));
            assertThat(attempt).containsText("200");
            assertThat(attempt).containsText(event.getId());
        }
    }

    @Test
    void addsAnEndpointThatFailsAndShowsTheNextRetry() throws Exception {
        String accountId = signedInWithAnAccountOfTheirOwn("Failing hooks").id();
        page.navigate("/sandbox/accounts/" + accountId + "/webhooks");

        page.getByLabel("URL").fill("http://127.0.0.1:9/closed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Endpoint we_");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event")).click();

        Locator attempt = page.getByTestId("attempts").locator("tbody tr").first();
        assertThat(attempt).containsText("Connection failed", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(attempt).containsText("UTC");
    }

    @Test
    void resetsAnAccountAfterConfirmation() throws Exception {
        Account account = signedInWithAnAccountOfTheirOwn("Reset me");
        StripeClient stripe = StripeClient.builder().setApiKey(account.secretKey()).setApiBase(url("/sandbox"))
                .build();
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Gone soon").build());
        String accountId = account.id();

        page.navigate("/sandbox/accounts/" + accountId);
        assertThat(page.getByTestId("requests")).containsText("/v1/customers");
        page.getByLabel("Yes, delete all data of this account").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset account data")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("was deleted");
        assertThat(page.getByTestId("requests")).containsText("No requests yet");
        org.assertj.core.api.Assertions.assertThat(stripe.v1().customers().list().getData()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(stripe.v1().events().list().getData()).isEmpty();
    }

    @Test
    void listsTheTestCards() {
        signIn(signUp("Card reader"));
        page.navigate("/sandbox");
        page.getByText("Test cards reference").click();

        assertThat(page.locator("h1")).hasText("Test cards");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("pm_card_visa_chargeDeclinedInsufficientFunds")))
                .containsText("insufficient_funds");
        assertThat(page.getByText("4242 4242 4242 4242")).isVisible();
    }

    private record Account(String id, String secretKey) {
    }

    /** Signs a new person in, who opens an account on the sandbox page: theirs. */
    private Account signedInWithAnAccountOfTheirOwn(String name) {
        signIn(signUp("Sandbox user"));
        page.navigate("/sandbox");
        page.getByLabel("Name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.locator("h1")).hasText(name);
        return new Account(page.url().substring(page.url().lastIndexOf('/') + 1),
                page.getByTestId("secret-key").textContent().strip());
    }

    /** An account opened by a program (nobody signed in): nobody's. */
    private Account newAccount() {
        var response = send(request("/sandbox/accounts?name=browser").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        return new Account(json(response).get("id").asString(), json(response).get("secret_key").asString());
    }
}
