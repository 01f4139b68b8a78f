package dev.paydeck.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The outbox and sign-in pages as a person uses them, for browser tests of mail. */
public final class MailPages {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private MailPages() {
    }

    /** Signs in on the sign-in page; ends signed in, on a page of the app (a dashboard or the first-run page). */
    public static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/app/organizations/.*"));
    }

    /** The outbox's row of the newest mail to this address with this subject. */
    public static Locator row(Page page, String to, String subject) {
        page.navigate("/app/outbox");
        return page.locator("#outbox tbody tr").filter(new Locator.FilterOptions().setHasText(to))
                .filter(new Locator.FilterOptions().setHasText(subject)).first();
    }

    /** Opens the newest mail to this address with this subject; returns its plain text. */
    public static String open(Page page, String to, String subject) {
        row(page, to, subject).getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#mail-to")).hasText(to);
        return page.locator("#mail-text").textContent();
    }

    /** The first link of a mail's text, as a path on the instance under test (path and query). */
    public static String link(String text) {
        Matcher matcher = LINK.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No link in the mail: " + text);
        }
        URI uri = URI.create(matcher.group());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Reads the link of the newest mail to this address, as the staff sees it in the outbox (a browser of its own). */
    public static String linkAsStaff(Browser browser, String baseUrl, String to, String subject) {
        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl))) {
            staff.setDefaultTimeout(15_000);
            Page page = staff.newPage();
            signIn(page, IntegrationTest.MAIL_STAFF, IntegrationTest.PASSWORD);
            return link(open(page, to, subject));
        }
    }
}
