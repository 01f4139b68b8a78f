package dev.paydeck.checkout;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * A customer portal link: {@code /portal/{token}}, for one customer of one organization until it expires. The token
 * is random (256 bits) and kept only as a hash; whoever holds it sees and manages that customer's cards and nothing
 * of another customer. {@code returnUrl} is where the portal's "back" link goes (the business's own site), if given.
 */
public record PortalLink(OrganizationId organization, CustomerId customer, String returnUrl, Instant expiresAt) {
}
