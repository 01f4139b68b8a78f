package dev.paydeck.organizations;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's settings as its people use them: Stripe keys and the credential check in plain words, the
 * webhook endpoint, members and invitations, the audit log; read-only for viewers; in Spanish and French.
 */
class SettingsBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void wrongStripeKeysAreRefusedAtTheFieldOrShowTheChecksFailureInPlainWords() {
        Person owner = signUp("Keys owner");
        String organization = createOrganization(owner, "Keys Bakery", null).get("id").asString();
        page.setViewportSize(1280, 900);
        MailPages.signIn(page, owner.email(), PASSWORD);
        page.navigate("/app/organizations/" + organization + "/settings");
        assertThat(page.locator("h1")).hasText("Settings of Keys Bakery");
        assertThat(page.getByTestId("settings-mode")).hasText("SANDBOX");
        assertThat(page.getByTestId("secret-key")).hasText(java.util.regex.Pattern.compile("^sk_test_…\\w{4}$"));
        assertThat(page.getByTestId("check-result")).hasText("Stripe accepts the keys.");
        assertThat(page.getByTestId("checked-at")).containsText("UTC");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("settings.png")).setFullPage(true));

        // Checked at the field before Stripe is asked: a key of the wrong kind, keys of two modes.
        page.getByLabel("Publishable key").fill("sk_test_" + "a".repeat(24));
        page.getByLabel("Secret key").fill("hello");
        save();
        assertThat(page.locator("#publishableKey-error")).hasText("This is not a publishable key: it starts with "
                + "pk_test_ or pk_live_ (check that the secret key is not pasted here).");
        assertThat(page.locator("#secretKey-error")).containsText("This is not a secret key");
        assertThat(page.getByLabel("Secret key")).hasAttribute("aria-describedby", "secretKey-error");
        assertThat(page.getByLabel("Secret key")).hasValue("");
        page.getByLabel("Publishable key").fill("pk_live_" + "b".repeat(24));
        page.getByLabel("Secret key").fill("sk_test_" + "c".repeat(24));
        save();
        assertThat(page.locator("#publishableKey-error")).containsText("are of different modes (one test, one live)");
        assertThat(page.getByTestId("settings-mode")).hasText("SANDBOX");

        // Well-formed test keys that Stripe (here the sandbox, standing in for it) does not know.
        String unknownSecret = "sk_test_" + UUID.randomUUID().toString().replace("-", "") + "Zq9x";
        page.getByLabel("Publishable key").fill("pk_test_" + UUID.randomUUID().toString().replace("-", ""));
        page.getByLabel("Secret key").fill(unknownSecret);
        save();
        assertThat(page.getByTestId("notice")).containsText("The keys are saved.");
        assertThat(page.getByTestId("settings-mode")).hasText("TEST");
        assertThat(page.getByTestId("secret-key")).hasText("sk_test_…Zq9x");
        assertThat(page.getByTestId("check-result")).hasText("Stripe refused the secret key: paste a new one.");
        assertThat(page.getByTestId("stripe-message")).containsText("Stripe said:");
        assertThat(page.getByTestId("stripe-message")).containsText("Invalid API Key provided");
        assertThat(page.getByTestId("check-todo")).containsText("What to do: copy the secret key again from "
                + "Stripe’s dashboard");
        assertThat(page.getByTestId("checked-at")).containsText("UTC");
        assertThat(page.locator("main")).not().containsText("invalid");
        assertThat(page.content()).doesNotContain(unknownSecret);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check now")).click();
        assertThat(page.getByTestId("notice")).hasText("The keys were checked with Stripe just now.");
        assertThat(page.getByTestId("check-result")).hasText("Stripe refused the secret key: paste a new one.");

        // The webhook endpoint: where Stripe should call, in plain words, and a signing secret entered by hand.
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Webhook endpoint")).click();
        assertThat(page.getByTestId("endpoint-url")).hasValue(java.util.regex.Pattern.compile(
                "/webhooks/stripe/" + organization + "$"));
        assertThat(page.getByTestId("webhook-status")).not().containsText("manual_required");
        assertThat(page.getByTestId("last-event")).hasText("No event received yet.");
        page.getByLabel("Webhook signing secret").fill("not-a-secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the signing secret")).click();
        assertThat(page.locator("#webhookSecret-error")).containsText("This is not a webhook signing secret");
        String signingSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        page.getByLabel("Webhook signing secret").fill(signingSecret);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the signing secret")).click();
        assertThat(page.getByTestId("notice")).hasText("The signing secret is saved: events signed with it are "
                + "accepted.");
        assertThat(page.getByTestId("webhook-status")).containsText("Paydeck checks events with its signing secret");
        assertThat(page.content()).doesNotContain(signingSecret);

        // Back to a sandbox account of its own, whose keys Stripe (the sandbox) accepts.
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Stripe keys")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to a sandbox account")).click();
        assertThat(page.getByTestId("notice")).hasText("The organization now uses a sandbox account of its own.");
        assertThat(page.getByTestId("settings-mode")).hasText("SANDBOX");
        assertThat(page.getByTestId("check-result")).hasText("Stripe accepts the keys.");
        // Its endpoint is registered by Paydeck, which keeps the secret: nothing to enter by hand.
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Webhook endpoint")).click();
        assertThat(page.getByTestId("webhook-status")).hasText("Stripe sends its events to Paydeck.");
        assertThat(page.getByTestId("secret-not-needed")).isVisible();
        assertThat(page.getByLabel("Webhook signing secret")).hasCount(0);
    }

    @Test
    void liveKeysAreUnmistakableAndTheLastEventReceivedIsShown() {
        Person owner = signUp("Live and events owner");
        String live = createOrganization(owner, "Live Larder", "{\"publishable_key\":\"pk_live_"
                + "abcdefghijklmnop\",\"secret_key\":\"sk_live_abcdefghijklmnopWXYZ\"}").get("id").asString();
        String sandbox = createOrganization(owner, "Eventful Eatery", null).get("id").asString();
        String key = apiKey(owner, sandbox, "admin");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":1500,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        MailPages.signIn(page, owner.email(), PASSWORD);

        page.navigate("/app/organizations/" + live + "/settings");
        assertThat(page.getByTestId("settings-mode")).hasText("LIVE");
        assertThat(page.getByTestId("live-warning")).containsText("Live mode: real cards are charged and real money "
                + "moves.");
        assertThat(page.getByTestId("secret-key")).hasText("sk_live_…WXYZ");

        page.navigate("/app/organizations/" + sandbox + "/settings/webhooks");
        for (int i = 0; i < 60 && page.getByTestId("last-event").textContent().contains("No event"); i++) {
            page.waitForTimeout(250);
            page.reload();
        }
        assertThat(page.getByTestId("last-event")).containsText("payment_intent.");
        assertThat(page.getByTestId("last-event")).containsText("UTC");
        assertThat(page.getByTestId("live-warning")).hasCount(0);
    }

    @Test
    void theAuditLogIsReadAPageAtATime() {
        Person owner = signUp("Paging owner");
        String organization = createOrganization(owner, "Paged Pantry", null).get("id").asString();
        for (int i = 0; i < 26; i++) {
            apiKey(owner, organization, "viewer");
        }
        awaitAuditLines(owner, 27);
        MailPages.signIn(page, owner.email(), PASSWORD);
        page.navigate("/app/organizations/" + organization + "/settings/audit-log?type=api_key");
        Locator rows = page.locator("#audit-log tbody tr");
        assertThat(rows).hasCount(25);
        page.getByTestId("older").click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("API key created");
        assertThat(page.getByTestId("older")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Newest entries")).click();
        assertThat(rows).hasCount(25);
    }

    @Test
    void membersAreInvitedByMailChangedInRoleAndTheLastOwnerStays() {
        Person owner = signUp("Members owner");
        String organization = createOrganization(owner, "Members Mill", null).get("id").asString();
        Person bob = signUp("Bob Baker");
        MailPages.signIn(page, owner.email(), PASSWORD);
        page.navigate("/app/organizations/" + organization + "/settings/members");
        assertThat(page.getByTestId("no-invitations")).isVisible();

        page.getByLabel("Email").fill("not an email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        assertThat(page.locator("#invite-email-error")).hasText("This is not an email address: check it for a typo.");
        page.getByLabel("Email").fill(owner.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        assertThat(page.locator("#invite-email-error")).hasText("This person is a member already: change their "
                + "role in the list above.");

        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        page.getByLabel("Email").fill(invitee);
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        assertThat(page.getByTestId("notice")).hasText("The invitation is sent by email. It waits below until they "
                + "sign up.");
        Locator pending = page.locator("#invitations tbody tr").filter(new Locator.FilterOptions().setHasText(invitee));
        assertThat(pending).containsText("Admin");
        // The mail is written after commit: the outbox may need a moment.
        for (int i = 0; i < 40 && MailPages.row(page, invitee, "Join Members Mill on Paydeck").count() == 0; i++) {
            page.waitForTimeout(250);
        }
        assertThat(MailPages.row(page, invitee, "Join Members Mill on Paydeck")).containsText("outbox");

        page.navigate("/app/organizations/" + organization + "/settings/members");
        page.getByLabel("Email").fill(bob.email());
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("viewer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        assertThat(page.getByTestId("notice")).containsText("they are a member now");
        Locator bobRow = page.locator("#members tbody tr[data-email='" + bob.email() + "']");
        assertThat(bobRow.getByTestId("member-role")).hasText("Viewer");
        bobRow.getByLabel("New role of " + bob.email()).selectOption("admin");
        bobRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change role")).click();
        assertThat(page.getByTestId("notice")).hasText("The role is changed.");
        assertThat(bobRow.getByTestId("member-role")).hasText("Admin");

        Locator ownerRow = page.locator("#members tbody tr[data-email='" + owner.email() + "']");
        ownerRow.getByText("Remove…").click();
        ownerRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, remove")).click();
        assertThat(page.getByTestId("refusal")).hasText("The last owner can’t be removed: make someone else an "
                + "owner first.");
        ownerRow.getByLabel("New role of " + owner.email()).selectOption("viewer");
        ownerRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change role")).click();
        assertThat(page.getByTestId("refusal")).containsText("The last owner must stay an owner");
        assertThat(ownerRow.getByTestId("member-role")).hasText("Owner");

        pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(page.getByTestId("notice")).containsText("The invitation is revoked");
        assertThat(page.getByTestId("no-invitations")).isVisible();

        bobRow.getByText("Remove…").click();
        bobRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, remove")).click();
        assertThat(page.getByTestId("notice")).hasText("The member is removed.");
        assertThat(bobRow).hasCount(0);
    }

    @Test
    void theAuditLogIsFilteredByActionPersonAndDatesAndRefusesAnUnknownFilter() {
        Person owner = signUp("Audit owner");
        String organization = createOrganization(owner, "Audited Atelier", null).get("id").asString();
        apiKey(owner, organization, "admin");
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"audited-" + UUID.randomUUID() + "@example.com\",\"role\":\"viewer\"}");
        awaitAuditLines(owner, 3);
        MailPages.signIn(page, owner.email(), PASSWORD);
        String path = "/app/organizations/" + organization + "/settings/audit-log";
        page.navigate(path);
        Locator rows = page.locator("#audit-log tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("API key created"))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Member invited"))).hasCount(1);
        assertThat(page.locator("#audit-log thead")).containsText("When (UTC)");

        page.getByLabel("Action").selectOption("api_key.created");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("API key created");
        assertThat(rows.first()).containsText(owner.email());

        page.getByLabel("Action").selectOption("");
        page.getByLabel("Who").selectOption(owner.email());
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        page.getByLabel("From (UTC)").fill(today);
        page.getByLabel("To (UTC)").fill(today);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Member invited"))).hasCount(1);
        page.getByLabel("From (UTC)").fill(java.time.LocalDate.parse(today).plusDays(1).toString());
        page.getByLabel("To (UTC)").fill(java.time.LocalDate.parse(today).plusDays(2).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByTestId("audit-empty")).hasText("Nothing in the log matches this filter.");

        var refused = page.navigate(path + "?action=payment.teleported&type=spaceship&from=yesterday");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator("#filter-action-error")).hasText("The log has no action “payment.teleported”: "
                + "choose one from the list.");
        assertThat(page.locator("#filter-from-error")).hasText("“yesterday” is not a date: use the calendar, or type "
                + "it as 2026-12-31.");
        assertThat(page.getByLabel("Action")).hasAttribute("aria-describedby", "filter-action-error");
        assertThat(page.locator("#filter-type-error")).hasText("The log is about nothing called “spaceship”: choose "
                + "from the list.");
        assertThat(page.locator("#audit-log")).hasCount(0);
    }

    @Test
    void aViewerSeesTheSettingsReadOnlyAndIsRefusedWhenPostingAnyway() {
        Person owner = signUp("Viewer's owner");
        String organization = createOrganization(owner, "Read Only Roastery", null).get("id").asString();
        apiKey(owner, organization, "admin");
        Person viewer = signUp("Vera Viewer");
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");
        MailPages.signIn(page, viewer.email(), PASSWORD);
        String base = "/app/organizations/" + organization + "/settings";
        for (String section : List.of("", "/webhooks", "/members", "/api-keys", "/audit-log")) {
            page.navigate(base + section);
            assertThat(page.getByTestId("read-only")).hasText("You are a viewer: you see the settings but cannot "
                    + "change them.");
            assertThat(page.locator("main form[method=post]")).hasCount(0);
            assertThat(page.locator("main details")).hasCount(0);
        }
        page.navigate(base + "/api-keys");
        assertThat(page.locator("#api-keys tbody tr")).hasCount(1);
        page.navigate(base + "/members");
        assertThat(page.locator("#members tbody tr")).hasCount(2);

        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        for (String action : List.of("/api-keys", "/stripe-keys/check", "/stripe-keys/sandbox", "/members/invite",
                "/webhooks/secret")) {
            APIResponse forged = page.request().post(url(base + action), RequestOptions.create().setMaxRedirects(0)
                    .setForm(FormData.create().set("_csrf", csrf).set("name", "Forged").set("role", "admin")
                            .set("email", "forged@example.com").set("webhookSecret", "whsec_forgedforgedforged")));
            assertThat(forged.status()).as(action).isEqualTo(403);
        }
        var keys = json(call("GET", "/api/v1/organizations/" + organization + "/api-keys", owner.token(), null));
        assertThat(keys.size()).isEqualTo(1);

        // Someone of no organization there finds nothing; a post without the CSRF token is refused before anything.
        String stranger = signedInSession();
        for (String section : List.of("", "/webhooks", "/members", "/api-keys", "/audit-log")) {
            assertThat(send(request(base + section).header("Cookie", stranger).GET()).statusCode())
                    .as(section).isEqualTo(404);
        }
        assertThat(send(request(base + "/api-keys").header("Cookie", stranger)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=x&role=admin"))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSettingsAreInSpanishAndFrench() {
        Person owner = signUp("Polyglot owner");
        String organization = createOrganization(owner, "Café Políglota", null).get("id").asString();
        awaitAuditLines(owner, 1);
        for (String locale : List.of("es-ES", "fr-FR")) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(locale))) {
                Page tab = context.newPage();
                tab.navigate("/login");
                tab.locator("#username").fill(owner.email());
                tab.locator("#password").fill(PASSWORD);
                tab.locator("main form button[type=submit]").click();
                tab.waitForURL("**/app/organizations/" + organization);
                tab.navigate("/app/organizations/" + organization + "/settings");
                boolean spanish = locale.startsWith("es");
                assertThat(tab.locator("h1")).hasText(spanish ? "Ajustes de Café Políglota"
                        : "Réglages de Café Políglota");
                assertThat(tab.getByTestId("check-result")).hasText(spanish ? "Stripe acepta las claves."
                        : "Stripe accepte les clés.");
                assertThat(tab.getByTestId("checked-at")).containsText(spanish ? "Comprobadas el" : "Vérifiées le");
                tab.getByTestId("settings-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                        .setName(spanish ? "Claves de API" : "Clés d’API")).click();
                tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                        .setName(spanish ? "Crear la clave" : "Créer la clé")).click();
                assertThat(tab.locator("#key-name-error")).hasText(spanish
                        ? "Dale un nombre a la clave, p. ej. el programa que la usa."
                        : "Donnez un nom à la clé, p. ex. le programme qui l’utilise.");
                tab.getByTestId("settings-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                        .setName(spanish ? "Registro de auditoría" : "Journal d’audit")).click();
                assertThat(tab.locator("#audit-log tbody tr").first()).containsText(spanish ? "Organización creada"
                        : "Organisation créée");
            }
        }
    }

    /** Waits for the audit log (written after commit, asynchronously) of the person's one organization. */
    private void awaitAuditLines(Person owner, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (json(call("GET", "/api/v1/audit-log", owner.token(), null)).get("data").size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The audit log did not get " + count + " lines");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void save() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and check the keys")).click();
    }
}
