package dev.paydeck.webhooks.web;

/** A webhook signing secret entered by hand ({@code whsec_…}); its error is worded in the message bundles. */
record WebhookSecretForm(String webhookSecret) {
}
