package dev.paydeck.platform.mail;

import dev.paydeck.platform.MailAttachment;
import dev.paydeck.platform.MailReaders.MailReader;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading the outbox: a person sees the mails about their organizations and those addressed to them, the staff every
 * mail. A mail's bodies are opened by the staff, its addressee, and the owners and admins of its organization.
 */
@Service
public class Outbox {

    private static final int PAGE = 200;

    private final MailRecords records;
    private final SmtpDelivery smtp;

    Outbox(MailRecords records, SmtpDelivery smtp) {
        this.records = records;
        this.smtp = smtp;
    }

    /** Whether mails are sent through an SMTP server (otherwise they stay here). */
    public boolean sending() {
        return smtp.configured();
    }

    public List<OutboxMail> recent(MailReader reader) {
        return records.recent(reader.staff(), reader.organizations(), reader.email(), PAGE);
    }

    /** The files sent with the mail, when this reader may open it (none otherwise). */
    public List<MailAttachment> attachments(MailReader reader, UUID id) {
        return open(reader, id).map(mail -> records.attachments(mail.id())).orElse(List.of());
    }

    /** The mail, when this reader may open it. */
    public Optional<OutboxMail> open(MailReader reader, UUID id) {
        return records.find(id).filter(mail -> reader.staff() || mail.to().equalsIgnoreCase(reader.email())
                || (mail.organization() != null && reader.managed().contains(mail.organization())));
    }
}
