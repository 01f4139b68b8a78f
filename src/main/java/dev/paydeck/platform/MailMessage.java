package dev.paydeck.platform;

import dev.paydeck.shared.OrganizationId;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to send: rendered from the templates {@code templates/mail/<template>.txt} (its first line is the subject)
 * and {@code templates/mail/<template>.html}, with these variables, in this language (strings from the
 * {@code mail/messages} bundle).
 *
 * @param key          sends the mail once: derive it from what caused the mail (e.g. the event's id)
 * @param organization the organization the mail is about, whose members see it in the outbox; null for none
 * @param to           the address
 * @param template     the templates' name, e.g. {@code invitation}
 * @param variables    what the templates show
 * @param locale       the language of the mail
 * @param confidential the mail holds a secret (a sign-in link): once sent by SMTP, its bodies are not kept
 * @param attachments  files sent with it (kept with the mail in the outbox)
 */
public record MailMessage(String key, OrganizationId organization, String to, String template,
                          Map<String, Object> variables, Locale locale, boolean confidential,
                          List<MailAttachment> attachments) {

    public MailMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        locale = locale == null ? Locale.ENGLISH : locale;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A mail with nothing attached. */
    public MailMessage(String key, OrganizationId organization, String to, String template,
            Map<String, Object> variables, Locale locale, boolean confidential) {
        this(key, organization, to, template, variables, locale, confidential, List.of());
    }
}
