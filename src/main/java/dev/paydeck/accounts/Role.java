package dev.paydeck.accounts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a member or API key may do in an organization. */
public enum Role {
    /** Everything, including members, keys and Stripe credentials. */
    OWNER,
    /** Everything but removing owners: payments, refunds, customers, keys, credentials. */
    ADMIN,
    /** Read only: may not pay, refund or change anything. */
    VIEWER;

    public boolean canWrite() {
        return this != VIEWER;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
