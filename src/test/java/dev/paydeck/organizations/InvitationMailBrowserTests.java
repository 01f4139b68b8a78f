package dev.paydeck.organizations;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting a member with no mail server configured: the invitation mail is kept in the outbox, where the
 * organization's owner reads it; its link signs the invited email up, which makes it a member.
 */
class InvitationMailBrowserTests extends BrowserTest {

    @Test
    void theInvitationMailIsInTheOutboxAndItsLinkMakesTheInviteeAMember() {
        Person owner = signUp("Olga Owner");
        String organization = createOrganization(owner, "Invite Co", null).get("id").asString();
        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        var invited = call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + invitee + "\",\"role\":\"viewer\"}");
        assertThat(invited.statusCode()).isEqualTo(201);

        MailPages.signIn(page, owner.email(), PASSWORD);
        var row = MailPages.row(page, invitee, "Join Invite Co on Paydeck");
        assertThat(row).containsText("outbox");
        String mailAddress = row.getByRole(AriaRole.LINK).getAttribute("href");
        String text = MailPages.open(page, invitee, "Join Invite Co on Paydeck");
        assertThat(text).contains("Olga Owner invited you to join Invite Co on Paydeck, as viewer.");
        // The HTML version, shown in a frame that may run nothing and reach nothing of the page.
        assertThat(page.locator("#mail-html")).hasAttribute("sandbox", "");
        assertThat(page.frameLocator("#mail-html").locator("h1")).hasText("Join Invite Co on Paydeck");

        String link = MailPages.link(text);
        assertThat(link).startsWith("/signup?email=");

        // Someone of another organization neither sees the mail nor opens it.
        Person stranger = signUp("Sam Stranger");
        try (BrowserContext other = page.context().browser().newContext(
                new Browser.NewContextOptions().setBaseURL(url("")))) {
            Page strangerPage = other.newPage();
            MailPages.signIn(strangerPage, stranger.email(), PASSWORD);
            strangerPage.navigate("/app/outbox");
            assertThat(strangerPage.getByText(invitee)).hasCount(0);
            assertThat(strangerPage.navigate(mailAddress).status()).isEqualTo(404);
        }

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.navigate(link);
        assertThat(page.getByLabel("Email")).hasValue(invitee);
        page.getByLabel("Your name").fill("Ivy Invitee");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        // Invited, the new person lands on the inviting organization's dashboard, not on the first-run page.
        assertThat(page.locator("h1")).hasText("Invite Co");

        var members = json(call("GET", "/api/v1/organizations/" + organization + "/members", owner.token(), null));
        assertThat(members.findValuesAsString("email")).contains(invitee);
    }

    @Test
    void aPersonWithAnAccountIsAddedAndFindsTheMailAddressedToThem() {
        Person owner = signUp("Otto Owner");
        String organization = createOrganization(owner, "Added Co", null).get("id").asString();
        Person bob = signUp("Bob Member");
        var added = call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + bob.email() + "\",\"role\":\"admin\"}");
        assertThat(json(added).get("status").asString()).isEqualTo("member");

        MailPages.signIn(page, bob.email(), PASSWORD);
        String text = MailPages.open(page, bob.email(), "Join Added Co on Paydeck");
        assertThat(text).contains("You already have a Paydeck account with this address, so you are a member now");
        assertThat(MailPages.link(text)).isEqualTo("/login");
    }
}
