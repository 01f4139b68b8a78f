package dev.paydeck.webhooks;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookPagesBrowserTests extends BrowserTest {

    @Test
    void theOrganizationsWebhookPageShowsTheEventsStripeSent() {
        Person owner = signUp("Hook watcher");
        String organization = createOrganization(owner, "Hooked Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");

        signIn(owner);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"))
                .click();
        assertThat(page.locator("h1")).hasText("Settings of Hooked Shop");
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Webhook endpoint")).click();
        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See the events")).click();

        assertThat(page.locator("h1")).hasText("Webhook events from Stripe for Hooked Shop");
        waitForEvent("payment_intent.succeeded");
        assertThat(page.getByText("payment_intent.succeeded").first()).isVisible();
        assertThat(page.locator("[data-status=PROCESSED]")).not().hasText("0");
        // Times say their time zone.
        assertThat(page.getByTestId("event").first().locator("td").nth(4))
                .hasText(Pattern.compile("\\d{4}.*\\d{1,2}:\\d{2}:\\d{2}.* UTC"));
        page.getByText("This Paydeck instance since it started").click();
        assertThat(page.locator("dt", new Page.LocatorOptions().setHasText("Lag (mean / max)"))).isVisible();

        Person stranger = signUp("Stranger");
        String theirs = createOrganization(stranger, "Not yours", null).get("id").asString();
        var response = page.navigate("/app/organizations/" + theirs + "/webhooks");
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void anUnknownFilterIsRefusedInPlainWordsAndCountsAgreeWithTheRowsAfterAReplay() {
        Person owner = signUp("Filter tester");
        String organization = createOrganization(owner, "Filtered Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":2500,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        signIn(owner);
        page.navigate("/app/organizations/" + organization + "/webhooks");
        waitForEvent("payment_intent.succeeded");

        var refused = page.navigate("/app/organizations/" + organization + "/webhooks?status=BOGUS");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.getByTestId("unknown-status")).hasText("There is no event status “BOGUS”, so all events "
                + "are shown. The statuses are: received, processing, processed, failed, ignored.");
        assertThat(page.getByTestId("event").first()).isVisible();

        page.navigate("/app/organizations/" + organization + "/webhooks?status=FAILED");
        assertThat(page.getByTestId("no-events")).hasText("No failed events.");

        page.navigate("/app/organizations/" + organization + "/webhooks?status=PROCESSED");
        page.getByTestId("event").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Replay")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("1 event is being processed again."))).isVisible();
        assertCountsAgreeWithRows();
        // Once processed again, still in agreement.
        for (int i = 0; i < 40 && (!page.locator("[data-status=RECEIVED]").textContent().strip().equals("0")
                || !page.locator("[data-status=PROCESSING]").textContent().strip().equals("0")); i++) {
            page.waitForTimeout(250);
            page.reload();
        }
        assertCountsAgreeWithRows();
        page.navigate("/app/organizations/" + organization + "/webhooks?status=PROCESSED");
        assertThat(page.getByTestId("event")).hasCount(Integer.parseInt(
                page.locator("[data-status=PROCESSED]").textContent().strip()));
    }

    @Test
    void anOwnerResyncsFromStripeAndSeesTheReport() {
        Person owner = signUp("Resync owner");
        String organization = createOrganization(owner, "Resynced Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/customers", key, "{\"name\":\"Resynced customer\"}");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":1800,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        signIn(owner);
        page.navigate("/app/organizations/" + organization + "/webhooks");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resync now")).click();

        Locator status = page.getByTestId("resync-status");
        assertThat(status).hasAttribute("data-state", "done");
        assertThat(page.getByTestId("resync-done")).containsText("Resync finished");
        Locator report = page.getByTestId("resync-report");
        assertThat(report.locator("tbody tr", new Locator.LocatorOptions().setHasText("customers"))).containsText("1");
        assertThat(report.locator("tbody tr", new Locator.LocatorOptions().setHasText("payment_intents")))
                .containsText("1");
        // The fragment the page polls answers the same report.
        String fragment = page.request().get(url("/app/organizations/" + organization + "/webhooks/resyncs/"
                + latestResync())).text();
        assertThat(fragment).contains("data-state=\"done\"").doesNotContain("hx-trigger");
    }

    @Test
    void aResyncThatCannotReadStripeSaysSoInPlainWords() {
        Person owner = signUp("Resync in the dark");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Unreachable Shop");
        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization() + "/webhooks");
        shop.fault("unavailable");
        try {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resync now")).click();
            assertThat(page.getByTestId("resync-status")).hasAttribute("data-state", "failed",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            assertThat(page.getByTestId("resync-failed")).hasText(Pattern.compile("Stripe could not be read for "
                    + "(customers|payment_intents|products|prices), so the resync stopped there\\. Try again in a moment\\."));
        } finally {
            shop.fault("none");
        }
    }

    @Test
    void aViewerSeesNoReplayNorResyncButtonAndIsRefusedIfTheyPost() {
        Person owner = signUp("Webhook owner");
        Person viewer = signUp("Webhook viewer");
        String organization = createOrganization(owner, "Watched Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":2100,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        signIn(viewer);
        page.navigate("/app/organizations/" + organization + "/webhooks");
        waitForEvent("payment_intent.succeeded");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resync now"))).hasCount(0);

        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        String event = json(call("GET", "/api/v1/webhook-events", key, null)).get("data").get(0).get("id").asString();
        for (String path : new String[] {"/webhooks/" + event + "/replay", "/webhooks/replay-failed",
                "/webhooks/resync"}) {
            APIResponse forged = page.request().post(url("/app/organizations/" + organization + path),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)));
            assertThat(forged.status()).as(path).isEqualTo(403);
        }
    }

    /** Each status's count is the number of rows in that status (all rows are shown: fewer than 50). */
    private void assertCountsAgreeWithRows() {
        Map<String, Integer> rows = new HashMap<>();
        for (Object status : (java.util.List<?>) page.evaluate("() => [...document.querySelectorAll("
                + "'[data-testid=event]')].map(row => row.dataset.eventStatus)")) {
            rows.merge((String) status, 1, Integer::sum);
        }
        for (String status : new String[] {"RECEIVED", "PROCESSING", "PROCESSED", "FAILED", "IGNORED"}) {
            assertThat(Integer.parseInt(page.locator("[data-status=" + status + "]").textContent().strip()))
                    .as(status).isEqualTo(rows.getOrDefault(status, 0));
        }
    }

    private String latestResync() {
        return page.getByTestId("resync-status").getAttribute("data-resync");
    }

    private void waitForEvent(String type) {
        for (int i = 0; i < 60 && !page.content().contains(type); i++) {
            page.waitForTimeout(250);
            page.reload();
        }
    }
}
