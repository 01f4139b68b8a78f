package dev.paydeck.checkout;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer portal's settings page: owners and admins switch off what customers may do with their subscriptions
 * (cancel, change plan), the change is audited, and the portal then shows no such button and refuses a form posted
 * anyway with a readable message; viewers see the switches but cannot change them; in French and Spanish too.
 */
class PortalSettingsBrowserTests extends BrowserTest {

    @Autowired
    StripeClients stripeClients;

    private record Shop(Person owner, String organization, String key, String customer, String subscription) {
    }

    /** A shop with two monthly plans and a customer subscribed (with a card) to the cheaper one. */
    private Shop shop(String name) throws Exception {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"settings-" + UUID.randomUUID()
                + "@example.com\"}")).get("id").asString();
        String stripeCustomer = json(call("GET", "/api/v1/customers/" + customer, key, null))
                .get("stripe_customer_id").asString();
        var stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());
        var card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(stripeCustomer).build());
        stripe.v1().customers().update(stripeCustomer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
        String basic = null;
        for (String plan : new String[]{"Basic", "Pro"}) {
            String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"" + plan + "\"}")).get("id")
                    .asString();
            String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product
                    + "\",\"unit_amount\":" + ("Basic".equals(plan) ? 1000 : 2000)
                    + ",\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
            basic = basic == null ? price : basic;
        }
        var subscribed = call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + basic + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        return new Shop(owner, organization, key, customer, json(subscribed).get("id").asString());
    }

    private String portal(Shop shop) {
        return json(call("POST", "/api/v1/customers/" + shop.customer() + "/portal-links", shop.key(), null))
                .get("url").asString();
    }

    @Test
    void anOwnerSwitchesOffCancelAndChangeAndThePortalHonoursIt() throws Exception {
        Shop shop = shop("Switching Shop");
        String portal = portal(shop);
        page.navigate(portal);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Cancel at the end of the period"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change plan"))).isVisible();

        signIn(shop.owner());
        page.navigate("/app/organizations/" + shop.organization() + "/settings");
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator
                .GetByRoleOptions().setName("Customer portal")).click();
        var cancel = page.getByLabel("Customers may cancel their subscription in the portal");
        var change = page.getByLabel("Customers may change their plan in the portal");
        assertThat(cancel).isChecked();
        assertThat(change).isChecked();
        cancel.uncheck();
        change.uncheck();
        page.getByTestId("save-portal-settings").click();
        assertThat(page.getByTestId("notice")).hasText("The customer portal’s settings were saved.");
        assertThat(cancel).not().isChecked();
        assertThat(change).not().isChecked();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                "docs/screenshots/settings-portal.png")).setFullPage(true));

        var line = await().atMost(Duration.ofSeconds(10)).until(() -> json(call("GET",
                "/api/v1/audit-log?action=portal_settings.changed", shop.key(), null)).get("data"),
                data -> data.size() == 1).get(0);
        assertThat(line.get("actor").asString()).isEqualTo(shop.owner().email());
        assertThat(line.get("detail").asString()).isEqualTo("customers may cancel: no, change their plan: no");
        page.navigate("/app/organizations/" + shop.organization() + "/settings/audit-log");
        assertThat(page.locator("#audit-log tbody")).containsText("Customer portal settings changed");

        page.navigate(portal);
        assertThat(page.locator("#subscriptions li")).containsText("Basic");
        assertThat(page.locator("#subscriptions button")).hasCount(0);
        assertThat(page.locator("#subscriptions a")).hasCount(0);

        // Forms posted anyway (kept from before, or forged): refused, saying why.
        String token = portal.substring(portal.lastIndexOf('/') + 1);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        var canceled = page.request().post(portal.replace(token, token + "/subscriptions/" + shop.subscription()
                + "/cancel"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)));
        assertThat(canceled.status()).isEqualTo(403);
        assertThat(canceled.text()).contains("Switching Shop does not let customers cancel their subscription here.");
        var previewed = page.request().post(portal.replace(token, token + "/subscriptions/" + shop.subscription()
                + "/change/preview"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                .set("_csrf", csrf)));
        assertThat(previewed.status()).isEqualTo(403);
        assertThat(previewed.text()).contains("Switching Shop does not let customers change their plan here.");
        page.navigate(portal.replace(token, token + "/subscriptions/" + shop.subscription() + "/change"));
        assertThat(page.locator("#portal-refused")).hasText("Switching Shop does not let customers change their "
                + "plan here. Please contact them.");
        assertThat(json(call("GET", "/api/v1/subscriptions/" + shop.subscription(), shop.key(), null))
                .get("cancel_at_period_end").asBoolean()).isFalse();

        // Cancel allowed again, change still not: only the cancel button comes back.
        page.navigate("/app/organizations/" + shop.organization() + "/settings/portal");
        page.getByLabel("Customers may cancel their subscription in the portal").check();
        page.getByTestId("save-portal-settings").click();
        assertThat(page.getByTestId("notice")).isVisible();
        page.navigate(portal);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Cancel at the end of the period"))).isVisible();
        assertThat(page.locator("#subscriptions a")).hasCount(0);

        // Ended by the business meanwhile: the customer's form is refused with why, not an error.
        assertThat(call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/cancel", shop.key(), "{}")
                .statusCode()).isEqualTo(200);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at the end of the period"))
                .click();
        assertThat(page.locator("#portal-refused")).hasText("This subscription cannot do that now.");
        assertThat(page.locator("#subscriptions li")).hasCount(0);
    }

    @Test
    void aViewerSeesTheSwitchesButCannotChangeThem() throws Exception {
        Person owner = signUp("Portal viewer's owner");
        String organization = createOrganization(owner, "Viewed Portal Shop", null).get("id").asString();
        Person viewer = signUp("Vic Viewer");
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");
        MailPages.signIn(page, viewer.email(), PASSWORD);
        String path = "/app/organizations/" + organization + "/settings/portal";
        page.navigate(path);
        assertThat(page.getByTestId("read-only")).hasText("You are a viewer: you see the settings but cannot "
                + "change them.");
        assertThat(page.getByLabel("Customers may cancel their subscription in the portal")).isDisabled();
        assertThat(page.getByLabel("Customers may cancel their subscription in the portal")).isChecked();
        assertThat(page.getByLabel("Customers may change their plan in the portal")).isDisabled();
        assertThat(page.locator("main form[method=post]")).hasCount(0);

        var forged = page.request().post(url(path), RequestOptions.create().setMaxRedirects(0).setForm(
                FormData.create().set("_csrf", page.locator("meta[name=csrf-token]").getAttribute("content"))));
        assertThat(forged.status()).isEqualTo(403);
        page.navigate(path);
        assertThat(page.getByLabel("Customers may cancel their subscription in the portal")).isChecked();
        assertThat(page.getByLabel("Customers may change their plan in the portal")).isChecked();

        // Someone of no organization there finds nothing.
        assertThat(send(request(path).header("Cookie", signedInSession()).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void theSettingsSpeakFrenchAndTheRefusalSpanish() throws Exception {
        Shop shop = shop("Boutique Réglée");
        page.setExtraHTTPHeaders(Map.of("Accept-Language", "fr"));
        signIn(shop.owner());
        page.navigate("/app/organizations/" + shop.organization() + "/settings/portal");
        assertThat(page.getByTestId("settings-nav")).containsText("Portail client");
        page.getByLabel("Les clients peuvent résilier leur abonnement dans le portail").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByTestId("notice")).hasText("Les réglages du portail client ont été enregistrés.");

        String portal = portal(shop);
        page.setExtraHTTPHeaders(Map.of("Accept-Language", "es"));
        page.navigate(portal);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cambiar de plan"))).isVisible();
        String token = portal.substring(portal.lastIndexOf('/') + 1);
        var canceled = page.request().post(portal.replace(token, token + "/subscriptions/" + shop.subscription()
                + "/cancel"), RequestOptions.create().setMaxRedirects(0).setHeader("Accept-Language", "es")
                .setForm(FormData.create().set("_csrf", page.locator("meta[name=csrf-token]")
                        .getAttribute("content"))));
        assertThat(canceled.status()).isEqualTo(403);
        assertThat(canceled.text()).contains("Boutique Réglée no permite a sus clientes cancelar la suscripción "
                + "aquí.");
    }
}
