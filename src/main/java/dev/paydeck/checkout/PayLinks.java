package dev.paydeck.checkout;

import dev.paydeck.payments.PaymentId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The links customers pay payments on: one per payment, made by the shop or by staff. */
@Service
public class PayLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PayLinkRecords records;

    PayLinks(PayLinkRecords records) {
        this.records = records;
    }

    /** Where the customer pays: {@code source} {@code shop} or {@code staff}. */
    public enum Source {
        SHOP, STAFF
    }

    /** The payment's link, made now unless it has one already. */
    public PayLink forPayment(OrganizationId organization, PaymentId payment, Source source) {
        return records.insertOrGet(organization, payment, newToken(), source.name().toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<PayLink> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32,100}")) {
            return Optional.empty();
        }
        return records.byToken(token);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
