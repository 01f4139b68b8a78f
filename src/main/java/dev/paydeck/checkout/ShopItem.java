package dev.paydeck.checkout;

import dev.paydeck.shared.Money;

import java.util.UUID;

/**
 * Something an organization's storefront sells (the Demo Shop: books): its title, author (may be null), cover image
 * (a path under the application's static files, or null) and price.
 */
public record ShopItem(UUID id, String title, String author, String coverImage, Money price) {
}
