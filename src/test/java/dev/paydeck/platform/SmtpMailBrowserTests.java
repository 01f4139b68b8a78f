package dev.paydeck.platform;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.accounts.PersonId;
import dev.paydeck.accounts.Role;
import dev.paydeck.organizations.MemberInvited;
import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailAttachment;
import dev.paydeck.platform.MailMessage;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail through a real SMTP server (GreenMail, in-process, on a free port): an application context of its own with
 * {@code spring.mail.host} set. Mails are sent after commit, once, kept in the outbox as sent, and those the server
 * refused are sent again by the delivery job.
 */
class SmtpMailBrowserTests extends BrowserTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    /**
     * A database of its own: with the suite's, the suite's context (which has no SMTP server) shares the periodic
     * jobs and may take the mail-delivery runs this test waits for.
     */
    private static final String DATABASE = dev.paydeck.support.TestDatabase.newDatabase();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("paydeck.test.database-url", () -> DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
        registry.add("paydeck.mail.from", () -> "Paydeck <paydeck@paydeck.test>");
        registry.add("paydeck.mail.retry-after", () -> "1s");
        registry.add("paydeck.mail.retry-interval", () -> "1s");
        // However long the server stays down on a slow machine, the mail is tried again within seconds once it is up.
        registry.add("paydeck.mail.retry-longest", () -> "2s");
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void staff() {
        // Not the suite's database, whose other contexts would take the delivery job's runs (and send nothing).
        assertThat(DATABASE).contains("/" + jdbc.queryForObject("select current_database()", String.class) + "?");
        signUpMailStaff();
    }

    @Test
    void anInvitationIsSentOnceAndKeptAsSent() throws Exception {
        Person owner = signUp("Stella Smtp");
        String organization = createOrganization(owner, "Smtp Co", null).get("id").asString();
        String invitee = "smtp-invitee-" + UUID.randomUUID() + "@example.com";
        assertThat(call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + invitee + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);

        MimeMessage mail = awaitMailTo(invitee);
        assertThat(mail.getSubject()).isEqualTo("Join Smtp Co on Paydeck");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("paydeck@paydeck.test");
        assertThat(text(mail, "text/plain")).contains("Stella Smtp invited you to join Smtp Co on Paydeck, as viewer.")
                .contains("/signup?email=");
        assertThat(text(mail, "text/html")).contains("<h1", "Join Smtp Co on Paydeck");

        MailPages.signIn(page, owner.email(), PASSWORD);
        assertThat(MailPages.row(page, invitee, "Join Smtp Co on Paydeck")).containsText("sent");
        assertThat(page.locator("main")).containsText("Mails go out through the SMTP server");
        Thread.sleep(1_500); // a delivery job run or two
        assertThat(mailsTo(invitee)).hasSize(1);
    }

    @Test
    void anEventDeliveredAgainSendsNoSecondMail() throws Exception {
        Person owner = signUp("Rita Redelivery");
        String organization = createOrganization(owner, "Again Co", null).get("id").asString();
        String invitee = "again-" + UUID.randomUUID() + "@example.com";
        var event = new MemberInvited(UUID.randomUUID(), OrganizationId.parse(organization).orElseThrow(), invitee,
                Role.VIEWER, false, (PersonId) null);
        // The event publication registry delivers an event again when a listener failed: the same event, twice.
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        transactions.executeWithoutResult(status -> events.publishEvent(event));

        awaitMailTo(invitee);
        Thread.sleep(1_500);
        assertThat(mailsTo(invitee)).hasSize(1);
    }

    @Test
    void aMailTheServerRefusedIsSentLaterAndTheOutboxShowsWhy() throws Exception {
        Person owner = signUp("Otis Outage");
        String organization = createOrganization(owner, "Outage Co", null).get("id").asString();
        String invitee = "later-" + UUID.randomUUID() + "@example.com";
        smtp.stop();
        try {
            assertThat(call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                    "{\"email\":\"" + invitee + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
            MailPages.signIn(page, owner.email(), PASSWORD);
            awaitStatus(invitee, "failed");
            MailPages.open(page, invitee, "Join Outage Co on Paydeck");
            assertThat(page.locator("main")).containsText("Last error");
        } finally {
            smtp.start();
        }
        awaitMailTo(invitee);
        awaitStatus(invitee, "sent");
        assertThat(mailsTo(invitee)).hasSize(1);
    }

    @Autowired
    Mail mail;

    @Test
    void aMailsAttachmentGoesWithItAndIsKeptInTheOutbox() throws Exception {
        Person owner = signUp("Anna Attach");
        String organization = createOrganization(owner, "Attach Co", null).get("id").asString();
        String to = "attach-" + UUID.randomUUID() + "@example.com";
        byte[] pdf = "%PDF-1.4 an invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        transactions.executeWithoutResult(status -> mail.send(new MailMessage("test-attachment:" + to,
                OrganizationId.parse(organization).orElseThrow(), to, "receipt", java.util.Map.of("organization",
                "Attach Co", "amount", "$1.00", "date", "today", "reference", "in_1"), java.util.Locale.ENGLISH,
                false, List.of(new MailAttachment("Invoice-0001.pdf", "application/pdf", pdf)))));

        MimeMessage received = awaitMailTo(to);
        Part attached = attachment(received);
        assertThat(attached.getFileName()).isEqualTo("Invoice-0001.pdf");
        assertThat(attached.getContentType()).startsWith("application/pdf");
        assertThat(attached.getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(text(received, "text/plain")).contains("Attach Co");

        MailPages.signIn(page, owner.email(), PASSWORD);
        MailPages.open(page, to, "Your receipt from Attach Co");
        assertThat(page.locator("#mail-attachments")).containsText("Invoice-0001.pdf");
        var download = page.request().get(page.locator("#mail-attachments a").getAttribute("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
    }

    /** The first part of the mail that is an attachment. */
    private static Part attachment(Part part) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = attachment(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void aPasswordResetLinkArrivesByMailAndIsNotKeptOnceSent() throws Exception {
        Person ada = signUp("Ada Smtp");
        page.navigate("/password/forgot");
        page.getByLabel("Email").fill(ada.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        assertThat(page.locator("#reset-sent")).isVisible();

        MimeMessage mail = awaitMailTo(ada.email());
        assertThat(mail.getSubject()).isEqualTo("Choose a new Paydeck password");
        page.navigate(MailPages.link(text(mail, "text/plain")));
        page.getByLabel("New password").fill("a password from the mail");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and sign in")).click();
        assertThat(page.locator("h1")).hasText("Welcome, Ada Smtp");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        MailPages.signIn(page, MAIL_STAFF, PASSWORD);
        MailPages.row(page, ada.email(), "Choose a new Paydeck password").getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#mail-status")).hasText("sent");
        assertThat(page.locator("main")).containsText("its text was not kept");
        assertThat(page.locator("#mail-text")).hasCount(0);
    }

    private void awaitStatus(String to, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!MailPages.row(page, to, "on Paydeck").textContent().contains(status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The mail to " + to + " is not " + status);
            }
            Thread.sleep(500);
        }
    }

    private static MimeMessage awaitMailTo(String address) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(address);
            if (!mails.isEmpty()) {
                return mails.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No mail to " + address);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The first part of this type in the mail. */
    private static String text(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
