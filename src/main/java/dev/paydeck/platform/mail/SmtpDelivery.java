package dev.paydeck.platform.mail;

import dev.paydeck.platform.MailAttachment;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /**
     * Sends the mail (plain text, and HTML as its alternative) with its attachments; throws when the server did not
     * take it.
     */
    void send(OutboxMail mail, List<MailAttachment> attachments) throws MessagingException {
        JavaMailSender sender = senders.getObject();
        MimeMessage message = sender.createMimeMessage();
        boolean html = mail.htmlBody() != null;
        var helper = new MimeMessageHelper(message, html || !attachments.isEmpty(), StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        if (html) {
            helper.setText(mail.textBody(), mail.htmlBody());
        } else {
            helper.setText(mail.textBody());
        }
        for (MailAttachment attachment : attachments) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        sender.send(message);
    }
}
