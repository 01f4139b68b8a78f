package dev.paydeck.platform.mail;

import dev.paydeck.shared.OrganizationId;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A mail of the outbox table. {@code status}: {@code outbox} (no SMTP server: kept here only), {@code pending} (to be
 * sent), {@code sent}, {@code failed} (the last attempt failed; tried again). Bodies are null once a confidential mail
 * has been sent.
 */
public record OutboxMail(UUID id, OrganizationId organization, String to, String subject, String textBody,
                         String htmlBody, boolean confidential, String status, int attempts, String lastError,
                         OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public boolean bodiesKept() {
        return textBody != null;
    }
}
