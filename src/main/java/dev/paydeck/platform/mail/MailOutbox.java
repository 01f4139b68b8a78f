package dev.paydeck.platform.mail;

import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailMessage;
import dev.paydeck.shared.PeriodicJob;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one {@link Mail}: every mail is written to the outbox table in the caller's transaction (once per key). With an
 * SMTP server, it is sent after commit on a thread of its own (never the caller's: a request's answer must not wait
 * for, or reveal anything through, a mail server), and the job {@code platform.mail-delivery} sends again those that
 * failed, waiting longer after each failure (doubling, up to an hour by default), until they are sent.
 */
@Service
class MailOutbox implements Mail {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /** How long a mail being sent is left to its sender before another may try (a sender that died). */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final MailTemplates templates;
    private final MailRecords records;
    private final SmtpDelivery smtp;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration longestWait;
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("mail-", 0).factory());

    MailOutbox(MailTemplates templates, MailRecords records, SmtpDelivery smtp, Clock clock,
            @Value("${paydeck.mail.retry-after:1m}") Duration retryAfter,
            @Value("${paydeck.mail.retry-longest:1h}") Duration longestWait) {
        this.templates = templates;
        this.records = records;
        this.smtp = smtp;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.longestWait = longestWait;
    }

    @Bean
    static PeriodicJob mailDeliveryJob(MailOutbox outbox,
            @Value("${paydeck.mail.retry-interval:1m}") String interval) {
        return new PeriodicJob("platform.mail-delivery", interval, outbox::deliverDue);
    }

    @Override
    public void send(MailMessage message) {
        MailTemplates.Rendered mail = templates.render(message);
        boolean viaSmtp = smtp.configured();
        UUID id = UUID.randomUUID();
        boolean kept = records.insert(id, message.key(), message.organization(), message.to(), mail.subject(),
                mail.text(), mail.html(), message.confidential(), viaSmtp ? "pending" : "outbox", clock.instant());
        if (!kept) {
            log.debug("Mail {} was handed over before: not sent again", message.key());
            return;
        }
        records.insertAttachments(id, message.attachments());
        log.info("Mail {} ({}) {}", id, message.template(), viaSmtp ? "to be sent" : "kept in the outbox");
        if (viaSmtp) {
            afterCommit(() -> senders.execute(() -> deliver(id)));
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** Sends this mail if it is still to be sent and nobody else is sending it. */
    void deliver(UUID id) {
        Instant now = clock.instant();
        records.claim(id, now, now.plus(LEASE)).ifPresent(this::attempt);
    }

    /** One run of the delivery job: every mail whose (next) attempt is due. */
    void deliverDue(Instant now) {
        if (!smtp.configured()) {
            return;
        }
        for (var due = records.claimDue(now, now.plus(LEASE), BATCH); !due.isEmpty();
                due = records.claimDue(clock.instant(), clock.instant().plus(LEASE), BATCH)) {
            due.forEach(this::attempt);
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private void attempt(OutboxMail mail) {
        try {
            smtp.send(mail, records.attachments(mail.id()));
            records.markSent(mail.id(), clock.instant());
            log.info("Mail {} sent", mail.id());
        } catch (Exception e) {
            Duration wait = waitAfter(mail.attempts());
            records.markFailed(mail.id(), describe(e), clock.instant().plus(wait));
            log.warn("Mail {} not sent (attempt {}), tried again in {}: {}", mail.id(), mail.attempts(), wait,
                    e.getClass().getSimpleName());
        }
    }

    /** The wait after the n-th failed attempt: the configured one, doubled after each failure, up to the longest. */
    Duration waitAfter(int attempts) {
        Duration wait = retryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    private static String describe(Exception e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    @PreDestroy
    void stop() {
        senders.close();
    }
}
