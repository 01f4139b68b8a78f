package dev.paydeck.dashboard;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The dashboard with payments in several states: success rate per period, the revenue chart (drawn by Chart.js, with
 * its figures as a table), the recent payments linked to their pages, the payments needing attention (a held one, a
 * declined one) and the webhooks' health. Writes the dashboard's screenshot.
 */
class DashboardBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void theDashboardShowsTheChartRecentPaymentsWhatNeedsAttentionAndWebhookHealth() {
        Person owner = signUp("Dashboard owner");
        String organization = createOrganization(owner, "Figures & Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String paid = pay(key, "{\"amount\":2000,\"currency\":\"usd\",\"description\":\"Paid order\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}", 201);
        pay(key, "{\"amount\":3500,\"currency\":\"usd\",\"description\":\"Held order\",\"capture_method\":\"manual\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}", 201);
        pay(key, "{\"amount\":1200,\"currency\":\"usd\",\"description\":\"Declined order\","
                + "\"payment_method\":\"pm_card_chargeDeclined\",\"confirm\":true}", 402);

        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/organizations/" + organization);
        for (int i = 0; i < 60 && page.locator("[data-figure=last-event]").textContent().contains("none yet"); i++) {
            page.waitForTimeout(250);
            page.reload();
        }

        Locator today = page.locator("[data-period=today]");
        assertThat(today.locator("[data-figure=net]")).hasText("$20.00");
        assertThat(today.locator("[data-figure=count]")).hasText("1");
        // The paid and the held payment went through, the declined one did not: 2 of 3.
        assertThat(today.locator("[data-figure=success-rate]")).containsText("67%");
        assertThat(page.locator("[data-period=month] [data-figure=success-rate]")).containsText("67%");

        Locator revenue = page.getByTestId("revenue");
        assertThat(revenue.locator("canvas#revenue-chart")).hasAttribute("data-drawn", "true");
        assertThat(revenue.locator("canvas#revenue-chart")).hasAttribute("role", "img");
        assertThat(revenue.locator("#revenue-summary")).containsText("$20.00");
        assertThat(revenue.getByTestId("revenue-table").locator("tbody tr")).hasCount(30);
        assertThat(revenue.getByTestId("revenue-table").locator("tbody tr").last()).containsText("$20.00");

        Locator recent = page.getByTestId("recent-payment");
        assertThat(recent).hasCount(3);
        assertThat(recent.first()).containsText("Declined order");
        assertThat(page.getByTestId("recent-payments").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("$20.00")))
                .hasAttribute("href", "/app/organizations/" + organization + "/payments/" + paid);

        Locator attention = page.getByTestId("attention");
        assertThat(attention.locator("[data-testid=attention-count][data-reason=awaiting-capture]")).hasText("1 payment awaits capture");
        assertThat(attention.locator("[data-testid=attention-count][data-reason=failed]")).hasText("1 payment failed in the last 30 days");
        assertThat(attention.locator("[data-testid=attention-count][data-reason=disputed]")).hasCount(0);
        assertThat(attention.getByTestId("attention-payment")).hasCount(2);
        assertThat(attention.locator("[data-testid=attention-payment][data-reason=awaiting-capture]"))
                .containsText("Held order");
        assertThat(attention.locator("[data-testid=attention-payment][data-reason=failed]"))
                .containsText("Declined order");

        Locator health = page.getByTestId("webhook-health");
        assertThat(health.locator("[data-figure=last-event]")).containsText(Pattern.compile("\\d{4}.*UTC"));
        assertThat(health.locator("[data-figure=failed-events]")).hasText("0");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard.png")).setFullPage(true));

        // Each count leads to the payments list, filtered to those payments.
        attention.locator("[data-testid=attention-count][data-reason=awaiting-capture] a").click();
        assertThat(page.locator("[data-testid=chips] [data-group=uncaptured]")).hasAttribute("aria-current", "true");
        assertThat(page.getByTestId("filter-error")).hasCount(0);
        assertThat(page.locator("main")).containsText("Held order");
        assertThat(page.locator("main")).not().containsText("Declined order");
    }

    @Test
    void aNewOrganizationsDashboardSaysThereIsNothingYet() {
        Person owner = signUp("Empty owner");
        String organization = createOrganization(owner, "Nothing Yet", null).get("id").asString();
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/organizations/" + organization);

        assertThat(page.getByTestId("revenue")).containsText("No payment received money in the last 30 days.");
        assertThat(page.locator("canvas")).hasCount(0);
        assertThat(page.getByTestId("recent-payments")).containsText("No payments yet.");
        assertThat(page.getByTestId("attention")).containsText("Nothing needs you now.");
        assertThat(page.locator("[data-period=today] [data-figure=success-rate]")).containsText("no attempt yet");
    }

    private String pay(String key, String body, int status) {
        var response = call("POST", "/api/v1/payment-intents", key, body);
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return status == 201 ? json(response).at("/payment/id").asString() : null;
    }
}
