package dev.paydeck.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * The SMTP server of {@code spring.mail.*} (Spring Boot's {@link JavaMailSender}), when {@code spring.mail.host} is
 * set; without one, mails stay in the outbox.
 */
@Component
class SmtpDelivery {

    private final ObjectProvider<JavaMailSender> senders;
    private final String host;
    private final String from;

    SmtpDelivery(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host,
            @Value("${paydeck.mail.from:Paydeck <paydeck@localhost>}") String from) {
        this.senders = senders;
        this.host = host == null ? "" : host.strip();
        this.from = from;
    }

    boolean configured() {
        return !host.isEmpty() && senders.getIfAvailable() != null;
    }

    /** Sends the mail (plain text, and HTML as its alternative); throws when the server did not take it. */
    void send(OutboxMail mail) throws MessagingException {
        JavaMailSender sender = senders.getObject();
        MimeMessage message = sender.createMimeMessage();
        boolean html = mail.htmlBody() != null;
        var helper = new MimeMessageHelper(message, html, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        if (html) {
            helper.setText(mail.textBody(), mail.htmlBody());
        } else {
            helper.setText(mail.textBody());
        }
        sender.send(message);
    }
}
