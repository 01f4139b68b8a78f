package dev.paydeck.accounts;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import dev.paydeck.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot your password?" end to end, with no mail server: the mail lands in the outbox, where the staff reads the
 * link; the link sets a new password once, and not after an hour.
 */
class PasswordResetBrowserTests extends BrowserTest {

    private static final String SUBJECT = "Choose a new Paydeck password";

    @Autowired
    MovableClock clock;

    @BeforeEach
    void staff() {
        signUpMailStaff();
    }

    @Test
    void theMailedLinkSetsANewPasswordAndSignsInOnce() {
        Person ada = signUp("Ada Forgetful");
        askForALink(ada.email());
        assertThat(page.locator("#reset-sent")).containsText("If " + ada.email() + " has a Paydeck account");

        String link = MailPages.linkAsStaff(page.context().browser(), url(""), ada.email(), SUBJECT);
        assertThat(link).startsWith("/password/reset?token=");
        page.navigate(link);
        page.getByLabel("New password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and sign in")).click();
        assertThat(page.getByText("must be between 12 and 72 characters")).isVisible();
        page.getByLabel("New password").fill("a brand new password 42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and sign in")).click();
        assertThat(page.locator("h1")).hasText("Welcome, Ada Forgetful");
        assertThat(page.locator("#password-changed")).hasText("Your new password is saved.");

        assertThat(token(ada.email(), PASSWORD)).isEqualTo(401);
        assertThat(token(ada.email(), "a brand new password 42")).isEqualTo(200);

        var again = page.navigate(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(page.locator("#reset-refused")).containsText("already been used");
        assertThat(page.getByLabel("New password")).hasCount(0);
    }

    @Test
    void anEmailWithoutAccountGetsTheSameAnswerAndNoMail() {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        askForALink(nobody);
        assertThat(page.locator("#reset-sent")).containsText("If " + nobody + " has a Paydeck account");

        MailPages.signIn(page, MAIL_STAFF, PASSWORD);
        page.navigate("/app/outbox");
        assertThat(page.locator("h1")).hasText("Outbox");
        assertThat(page.getByText(nobody)).hasCount(0);
    }

    @Test
    void anExpiredLinkIsRefusedWithAReadableMessage() {
        Person grace = signUp("Grace Late");
        askForALink(grace.email());
        String link = MailPages.linkAsStaff(page.context().browser(), url(""), grace.email(), SUBJECT);
        clock.advance(Duration.ofMinutes(61));
        try {
            var response = page.navigate(link);
            assertThat(response.status()).isEqualTo(410);
            assertThat(page.locator("#reset-refused")).containsText("This link has expired");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for a new link")))
                    .isVisible();
        } finally {
            clock.reset();
        }
        assertThat(token(grace.email(), PASSWORD)).isEqualTo(200);
    }

    private void askForALink(String email) {
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
    }

    private int token(String email, String password) {
        return postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                null).statusCode();
    }
}
