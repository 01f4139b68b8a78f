/**
 * Taking payments from customers on Paydeck's own pages: an organization's public storefront ({@code /shop/…}) with
 * its shop items, and the hosted payment page ({@code /pay/{token}}) where a customer pays one payment with the
 * organization's Stripe.js — the shop's purchases and the pay links staff make both end there. Payments themselves
 * are the payments module's; this module keeps only what is sold and which link pays which payment.
 */
package dev.paydeck.checkout;
