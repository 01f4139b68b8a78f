/**
 * The mails a business's customers get, in their language, each sent once however often the news arrives (answer,
 * webhook, resync, redelivery): a receipt once their payment succeeded ({@code PaymentSucceeded}), and billing's —
 * the invoice when it is sent, a notice before a trial ends, a request to update the card when a renewal fails
 * ({@code BillingMails}). It listens to other modules' events after commit and sends through the platform's
 * {@code Mail} (the outbox, or SMTP).
 */
package dev.paydeck.receipts;
