/**
 * Receipts: the mail a customer gets once their payment succeeded, in their language, sent once however often the
 * news of the payment arrives (answer, webhook, resync, redelivery). It listens to the payments module's
 * {@code PaymentSucceeded} after commit and sends through the platform's {@code Mail} (the outbox, or SMTP).
 */
package dev.paydeck.receipts;
