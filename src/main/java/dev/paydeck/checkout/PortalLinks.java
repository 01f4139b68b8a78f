package dev.paydeck.checkout;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.PeriodicJob;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The customer portal's links ({@link PortalLink}): made for a customer by the business (through the API, from its
 * own site, or emailed by staff), valid for a while, then refused. As Stripe's billing portal sessions: whoever holds a
 * valid link is taken for the customer, with no account or password.
 */
@Service
public class PortalLinks {

    /** How long a link lasts unless told otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    /** The shortest and the longest a caller may ask for. */
    public static final Duration SHORTEST = Duration.ofMinutes(5);
    public static final Duration LONGEST = Duration.ofDays(7);
    /** Expired links are kept this long (a customer who opens one late is told it expired), then forgotten. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalLinkRecords records;
    private final Clock clock;

    PortalLinks(PortalLinkRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** A link made: the token (shown once, in the link's address) and what it opens. */
    public record Issued(String token, PortalLink link) {

        public String path() {
            return "/portal/" + token;
        }
    }

    /** A new link to the customer's portal, valid for {@code lifetime} (between {@link #SHORTEST} and {@link #LONGEST}). */
    public Issued issue(OrganizationId organization, CustomerId customer, Duration lifetime, String returnUrl) {
        if (lifetime.compareTo(SHORTEST) < 0 || lifetime.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("A portal link lasts between 5 minutes and 7 days");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        PortalLink link = new PortalLink(organization, customer, returnUrl, now.plus(lifetime));
        records.insert(hash(token), link, now);
        return new Issued(token, link);
    }

    /** The link this token opens, if it is one and has not expired. */
    public Optional<PortalLink> open(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return records.valid(hash(token), clock.instant());
    }

    @Bean
    static PeriodicJob portalLinksCleanup(PortalLinks links) {
        return new PeriodicJob("checkout.portal-links-cleanup", "1h",
                now -> links.records.deleteExpired(now.minus(KEPT_AFTER_EXPIRY)));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
