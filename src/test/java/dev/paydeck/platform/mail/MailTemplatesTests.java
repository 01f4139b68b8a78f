package dev.paydeck.platform.mail;

import dev.paydeck.platform.MailMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTests {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void theTextTemplatesFirstLineIsTheSubjectAndTheRestTheBody() {
        var mail = templates.render(invitation("Demo Shop", Locale.ENGLISH));
        assertThat(mail.subject()).isEqualTo("Join Demo Shop on Paydeck");
        assertThat(mail.text()).startsWith("Ada Lovelace invited you to join Demo Shop on Paydeck, as viewer.")
                .contains("create your Paydeck account with this address (grace@example.com)")
                .contains("https://paydeck.example/signup?email=grace%40example.com")
                .doesNotContain("Join Demo Shop on Paydeck");
        assertThat(mail.html()).contains("<a href=\"https://paydeck.example/signup?email=grace%40example.com\"");
    }

    @Test
    void whatPeopleTypedIsEscapedInTheHtmlMail() {
        var mail = templates.render(invitation("<img src=x onerror=alert(1)> & Co", Locale.ENGLISH));
        assertThat(mail.html()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt; &amp; Co");
        assertThat(mail.subject()).isEqualTo("Join <img src=x onerror=alert(1)> & Co on Paydeck");
    }

    @Test
    void mailsAreInTheLanguageAskedFor() {
        var french = templates.render(new MailMessage("k", null, "ada@example.com", "password-reset",
                Map.of("name", "Ada", "link", "https://paydeck.example/password/reset?token=t", "minutes", 60L),
                Locale.FRENCH, true));
        assertThat(french.subject()).isEqualTo("Choisissez un nouveau mot de passe Paydeck");
        assertThat(french.text()).contains("quelqu'un, vous sans doute").contains("pendant 60 minutes")
                .contains("Si vous n'avez rien demandé");
        var spanish = templates.render(invitation("Tienda", Locale.forLanguageTag("es-MX")));
        assertThat(spanish.subject()).isEqualTo("Únase a Tienda en Paydeck");
    }

    @Test
    void failedDeliveriesWaitLongerEachTimeUpToAnHour() {
        var outbox = new MailOutbox(templates, null, null, java.time.Clock.systemUTC(), Duration.ofMinutes(1),
                Duration.ofHours(1));
        assertThat(outbox.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(outbox.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(outbox.waitAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(outbox.waitAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(outbox.waitAfter(400)).isEqualTo(Duration.ofHours(1));
        outbox.stop();
    }

    private static MailMessage invitation(String organization, Locale locale) {
        return new MailMessage("invitation:1", null, "grace@example.com", "invitation",
                Map.of("organization", organization, "role", "viewer", "email", "grace@example.com",
                        "link", "https://paydeck.example/signup?email=grace%40example.com", "added", false,
                        "inviter", "Ada Lovelace"), locale, false);
    }
}
